package io.github.dmsfleet.model;

/**
 * DMS default quotas the config is checked against. Endpoints per instance cannot be raised, so
 * going past it is an error; the account-wide ones can be raised through Service Quotas, so going
 * past them is a warning.
 */
final class Quotas {
  /**
   * Each database uses a source and a target endpoint, and an instance serves at most 100
   * endpoints.
   */
  static final int DATABASES_PER_INSTANCE = 100 / 2;

  static final int INSTANCES_PER_ACCOUNT = 60;
  static final int TASKS_PER_ACCOUNT = 600;
  static final int ENDPOINTS_PER_ACCOUNT = 1000;

  private Quotas() {}
}
