/** The event that flows through the pipeline: pre-decoded text, decoded fields and the decoder that set them. */
package dev.ossecaws.event;
