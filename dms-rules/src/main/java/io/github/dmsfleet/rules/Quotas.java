package io.github.dmsfleet.rules;

/**
 * DMS default quotas, and CloudFormation's limit of resources per stack where it bounds a server.
 * Endpoints per instance cannot be raised; the account-wide ones can, through Service Quotas.
 */
public final class Quotas {
  /** Endpoints one replication instance serves. */
  public static final int ENDPOINTS_PER_INSTANCE = 100;

  /** Each database uses a source and a target endpoint. */
  public static final int DATABASES_PER_INSTANCE = ENDPOINTS_PER_INSTANCE / 2;

  /** Resources CloudFormation takes in one stack. */
  public static final int RESOURCES_PER_STACK = 500;

  /**
   * A serverless server's stack holds 5 resources (two roles with their policies, a dashboard) plus
   * 6 per database (two endpoints, a replication config and three alarms), and one stack holds at
   * most {@link #RESOURCES_PER_STACK}.
   */
  public static final int DATABASES_PER_SERVERLESS_SERVER = (RESOURCES_PER_STACK - 5) / 6;

  public static final int INSTANCES_PER_ACCOUNT = 60;
  public static final int TASKS_PER_ACCOUNT = 600;
  public static final int ENDPOINTS_PER_ACCOUNT = 1000;

  private Quotas() {}
}
