/**
 * {@code serve}: a flow as a long-running service over a Kafka consumer group. Headless: depends on
 * the config model and the engine, never on the designer. Scale-out is Kafka's group coordinator's
 * work; this package only runs one consumer and one flow fork per thread (docs/SERVE.md).
 */
package io.kisflow.serve;
