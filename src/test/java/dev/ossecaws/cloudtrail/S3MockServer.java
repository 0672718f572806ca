package dev.ossecaws.cloudtrail;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** S3Mock, a real S3 server, started once per test class; clients reach it over HTTP. */
public final class S3MockServer {
  public static final String ACCESS_KEY = "AKIAOSSECAWSTEST0001";
  public static final String SECRET_KEY = "s3cr3t/0ssec-aws/never+printed";

  private S3MockServer() {}

  public static S3MockExtension extension() {
    // S3Mock is a Spring Boot application; the project logs through slf4j-nop, which Boot's
    // Logback setup refuses. S3Mock is silent anyway.
    System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    return S3MockExtension.builder().silent().withSecureConnection(false).withHttpPort(0).withHttpsPort(0).build();
  }

  public static URI endpoint(S3MockExtension server) {
    return URI.create("http://127.0.0.1:" + server.getHttpPort());
  }

  /** The client the fetcher uses, with fixed credentials: the real SDK over HTTP. */
  public static S3Client client(S3MockExtension server) {
    return client(endpoint(server));
  }

  /** The same client through {@code endpoint}, a {@link FaultyS3Proxy} in front of the server. */
  public static S3Client client(URI endpoint) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build();
  }
}
