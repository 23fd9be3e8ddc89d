package io.github.dmsfleet.constructs.internal;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;

/**
 * A stack's account, Region and partition (tokens unless the stack names its environment). Every
 * construct of a stack needs them: they cross the jsii bridge once per stack and are reused.
 */
public record StackFacts(String account, String region, String partition) {
  private static final Map<Stack, StackFacts> READ =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** The facts of the stack {@code scope} belongs to (or is). */
  public static StackFacts of(IConstruct scope) {
    Stack stack = scope instanceof Stack itself ? itself : Stack.of(scope);
    return READ.computeIfAbsent(
        stack, s -> new StackFacts(s.getAccount(), s.getRegion(), s.getPartition()));
  }

  /** {@code arn:<partition>:<service>:<region>:<account>:}, where an ARN's resource follows. */
  public String arnPrefix(String service) {
    return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":";
  }
}
