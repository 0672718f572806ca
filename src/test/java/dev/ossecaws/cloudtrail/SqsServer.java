package dev.ossecaws.cloudtrail;

import java.net.URI;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** ElasticMQ, a real SQS server, in-process on a free port; clients reach it over HTTP. */
final class SqsServer implements AutoCloseable {
  private final SQSRestServer server;
  final URI endpoint;

  private SqsServer(SQSRestServer server) {
    this.server = server;
    this.endpoint = URI.create("http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort());
  }

  static SqsServer start() {
    return new SqsServer(SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start());
  }

  SqsClient client() {
    return SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(S3MockServer.ACCESS_KEY, S3MockServer.SECRET_KEY)))
        .build();
  }

  /** A queue whose messages go to a new dead-letter queue {@code name-dlq} after {@code maxReceives}. */
  static String createQueueWithDeadLetters(SqsClient sqs, String name, int maxReceives) {
    String dlq = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
    String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    return sqs.createQueue(b -> b.queueName(name).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
        "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceives + "\"}"))).queueUrl();
  }

  /** Messages visible plus messages received and not yet deleted. */
  static int messagesIn(SqsClient sqs, String queueUrl) {
    Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
    return attributes.values().stream().mapToInt(Integer::parseInt).sum();
  }

  @Override
  public void close() {
    server.stopAndWait();
  }
}
