/** The one lock that keeps two runs of a job (fetch, install) from interleaving. */
package dev.ossecaws.lock;
