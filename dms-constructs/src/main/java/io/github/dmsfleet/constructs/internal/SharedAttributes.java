package io.github.dmsfleet.constructs.internal;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * Attributes of the resources every server of a fleet uses (its keys, bucket and security group).
 * Each crosses the jsii bridge once per resource and is reused: an attribute is a token that the
 * CDK resolves for each stack using it, so a resource of another stack still becomes an import.
 */
public final class SharedAttributes {
  private static final Map<Object, Map<String, String>> READ =
      Collections.synchronizedMap(new WeakHashMap<>());

  private SharedAttributes() {}

  public static String keyArn(IKey key) {
    return read(key, "keyArn", key::getKeyArn);
  }

  public static String bucketName(IBucket bucket) {
    return read(bucket, "bucketName", bucket::getBucketName);
  }

  public static String bucketArn(IBucket bucket) {
    return read(bucket, "bucketArn", bucket::getBucketArn);
  }

  public static String securityGroupId(ISecurityGroup group) {
    return read(group, "securityGroupId", group::getSecurityGroupId);
  }

  private static String read(Object resource, String attribute, Supplier<String> reader) {
    return READ.computeIfAbsent(resource, r -> new ConcurrentHashMap<>())
        .computeIfAbsent(attribute, a -> reader.get());
  }
}
