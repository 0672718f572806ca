/** The evaluator: loads a manager's configuration and runs each line through predecode, decode, rule and output. */
package dev.ossecaws.engine;
