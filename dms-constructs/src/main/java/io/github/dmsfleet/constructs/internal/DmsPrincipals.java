package io.github.dmsfleet.constructs.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.services.iam.CompositePrincipal;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/** Roles that DMS assumes on behalf of endpoints. */
public final class DmsPrincipals {
  private static final Map<StackFacts, IPrincipal> MADE = new ConcurrentHashMap<>();

  private DmsPrincipals() {}

  /**
   * A role that {@code dms} (see {@link #dmsOfThisAccount}) may assume, with nothing allowed yet.
   */
  public static IRole newRole(Construct scope, String id, String description, IPrincipal dms) {
    return Role.Builder.create(scope, id).description(description).assumedBy(dms).build();
  }

  /**
   * DMS in this account and Region, under its global and its regional service name (endpoints use
   * either), with the confused-deputy guard: only DMS resources of this account may assume the
   * role. Made once for stacks of one environment, and shared by their roles.
   */
  public static IPrincipal dmsOfThisAccount(StackFacts stack) {
    return MADE.computeIfAbsent(stack, DmsPrincipals::newDmsOfThisAccount);
  }

  private static IPrincipal newDmsOfThisAccount(StackFacts stack) {
    // In a fixed order: Map.of iterates differently from one JVM to the next, and so would the
    // template.
    Map<String, Object> conditions = new LinkedHashMap<>();
    conditions.put("StringEquals", Map.of("aws:SourceAccount", stack.account()));
    conditions.put("ArnLike", Map.of("aws:SourceArn", stack.arnPrefix("dms") + "*"));
    return new CompositePrincipal(
            ServicePrincipal.fromStaticServicePrincipleName("dms.amazonaws.com"),
            ServicePrincipal.fromStaticServicePrincipleName(
                "dms." + stack.region() + ".amazonaws.com"))
        .withConditions(conditions);
  }
}
