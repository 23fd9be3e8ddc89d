package io.github.dmsfleet.example;

import io.github.dmsfleet.constructs.*;
import io.github.dmsfleet.rules.SourceEngine;
import software.amazon.awscdk.*;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.*;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/** An own VPC, an existing bucket and key, a PostgreSQL and a MySQL server, an existing topic. */
public final class ExampleFleet extends Stack {
  static final String KEY =
      "arn:aws:kms:eu-west-1:123456789012:key/0b5b9f6e-1111-2222-3333-444455556666";
  static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:dba-alerts";
  private final DmsAlerts alerts;
  private final DmsReplicationServer instance;
  private final IBucket lake;

  public ExampleFleet(Construct scope, String id, StackProps props) {
    super(scope, id, props);
    Vpc vpc = Vpc.Builder.create(this, "Vpc").natGateways(0).build();
    vpc.addFlowLog("FlowLog");
    BucketAttributes.Builder bucket = BucketAttributes.builder().bucketName("acme-data-lake");
    lake =
        Bucket.fromBucketAttributes(
            this, "Lake", bucket.encryptionKey(Key.fromKeyArn(this, "Key", KEY)).build());
    DmsAccountRoles roles = new DmsAccountRoles(this, "AccountRoles");
    DmsNetworkProps.Builder network = DmsNetworkProps.builder().vpc(vpc).targetBucket(lake);
    DmsNetwork dmsNetwork = new DmsNetwork(this, "Network", network.accountRoles(roles).build());
    DmsAlertsProps.Builder topic =
        DmsAlertsProps.builder().topic(Topic.fromTopicArn(this, "Topic", TOPIC));
    alerts = new DmsAlerts(this, "Alerts", topic.build());
    DmsReplicationServerProps.Builder server =
        DmsReplicationServerProps.builder().network(dmsNetwork);
    instance =
        new DmsReplicationServer(
            this,
            "Instance",
            server.replicationInstanceIdentifier("acme").accountRoles(roles).build());
    alerts.alarmOnServer(instance);

    DmsSourceServer erp = source("erp", SourceEngine.POSTGRESQL);
    database(erp, "orders");
    database(erp, "billing");
    database(source("shop", SourceEngine.MYSQL), "catalog");
  }

  private DmsSourceServer source(String name, SourceEngine engine) {
    DmsSourceServerProps.Builder props = DmsSourceServerProps.builder().engine(engine);
    return new DmsSourceServer(
        this, name, props.replicationServer(instance).targetBucket(lake).build());
  }

  private void database(DmsSourceServer server, String name) {
    String secret = "dms/" + server.getServerName() + "/" + name;
    alerts.alarmOnDatabase(
        server.addDatabase(name, DmsDatabaseOptions.builder().secretName(secret).build()));
  }
}
