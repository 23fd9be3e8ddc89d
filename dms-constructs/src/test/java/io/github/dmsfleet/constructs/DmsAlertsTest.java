package io.github.dmsfleet.constructs;

import static io.github.dmsfleet.constructs.Fixtures.stack;
import static io.github.dmsfleet.constructs.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;

class DmsAlertsTest {

  private static Template synth(DmsAlertsProps props) {
    Stack stack = stack();
    new DmsAlerts(stack, "Alerts", props);
    return template(stack);
  }

  private static Map<String, Object> topicRef() {
    return Map.of("Ref", Match.stringLikeRegexp("Alerts[0-9A-F]{8}"));
  }

  @Test
  void topicIsEncryptedWithARotatingKeyAndRefusesRequestsWithoutSsl() {
    Template template = synth(DmsAlertsProps.builder().build());

    template.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
    template.hasResourceProperties(
        "AWS::SNS::Topic",
        Map.of(
            "KmsMasterKeyId",
            Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("AlertsKey.*"), "Arn"))));
    template.hasResourceProperties(
        "AWS::SNS::TopicPolicy",
        Map.of(
            "PolicyDocument",
            Map.of(
                "Statement",
                Match.arrayWith(
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "Effect",
                                "Deny",
                                "Condition",
                                Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
  }

  @Test
  void cloudWatchAndDmsOfThisAccountMayPublishThroughTheKey() {
    Template template = synth(DmsAlertsProps.builder().build());
    Map<String, Object> services =
        Map.of("Service", List.of("cloudwatch.amazonaws.com", "dms.amazonaws.com"));

    template.hasResourceProperties(
        "AWS::KMS::Key",
        Map.of(
            "KeyPolicy",
            Map.of(
                "Statement",
                Match.arrayWith(
                    List.of(
                        Map.of(
                            "Effect",
                            "Allow",
                            "Principal",
                            services,
                            "Action",
                            List.of("kms:Decrypt", "kms:GenerateDataKey*"),
                            "Resource",
                            "*"))))));
    template.hasResourceProperties(
        "AWS::SNS::TopicPolicy",
        Map.of(
            "PolicyDocument",
            Map.of(
                "Statement",
                Match.arrayWith(
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "Effect",
                                "Allow",
                                "Principal",
                                services,
                                "Action",
                                "sns:Publish",
                                "Resource",
                                topicRef(),
                                "Condition",
                                Map.of(
                                    "StringEquals",
                                    Map.of("aws:SourceAccount", "123456789012")))))))));
  }

  @Test
  void subscribesTheEmailAddresses() {
    Template template =
        synth(
            DmsAlertsProps.builder()
                .emailAddresses(List.of("dba@example.com", "oncall@example.com"))
                .build());

    template.resourceCountIs("AWS::SNS::Subscription", 2);
    template.hasResourceProperties(
        "AWS::SNS::Subscription",
        Map.of("Protocol", "email", "Endpoint", "dba@example.com", "TopicArn", topicRef()));
  }

  @Test
  void subscribesToFailuresOfEveryInstanceAndTaskOfTheAccount() {
    Template template = synth(DmsAlertsProps.builder().build());

    template.resourceCountIs("AWS::DMS::EventSubscription", 2);
    template.hasResourceProperties(
        "AWS::DMS::EventSubscription",
        Map.of(
            "SourceType", "replication-instance",
            "EventCategories", List.of("failure", "low storage"),
            "SourceIds", Match.absent(),
            "Enabled", true,
            "SnsTopicArn", topicRef()));
    template.hasResourceProperties(
        "AWS::DMS::EventSubscription",
        Map.of(
            "SourceType", "replication-task",
            "EventCategories", List.of("failure"),
            "SourceIds", Match.absent()));
  }

  @Test
  void eventSubscriptionsCanBeLimitedOrTurnedOff() {
    Template limited =
        synth(
            DmsAlertsProps.builder()
                .replicationTaskIds(List.of("sales-db01-orders"))
                .taskEventCategories(List.of("failure", "state change"))
                .build());
    Template off = synth(DmsAlertsProps.builder().eventSubscriptions(false).build());

    limited.hasResourceProperties(
        "AWS::DMS::EventSubscription",
        Map.of(
            "SourceType", "replication-task",
            "EventCategories", List.of("failure", "state change"),
            "SourceIds", List.of("sales-db01-orders")));
    off.resourceCountIs("AWS::DMS::EventSubscription", 0);
  }

  @Test
  void alarmHelpersPutTheAlarmsBesideTheServerAndTheTask() {
    App app = new App();
    DmsAlerts alerts = new DmsAlerts(Fixtures.stack(app, "Shared"), "Alerts");
    Stack serverStack = Fixtures.stack(app, "Server");
    DmsReplicationServer server =
        new DmsReplicationServer(
            serverStack,
            "Server",
            DmsReplicationServerProps.builder()
                .replicationInstanceIdentifier("sales-db01")
                .vpc(Vpc.Builder.create(serverStack, "Vpc").build())
                .build());
    DmsDatabaseMigration orders =
        new DmsSourceServer(
                serverStack,
                "sales-db01",
                Fixtures.sourceProps(serverStack).replicationServer(server).build())
            .addDatabase("orders", Fixtures.orders());

    alerts.alarmOnServer(server);
    alerts.alarmOnDatabase(orders, DmsTaskAlarmOptions.builder().cdcLatencySeconds(300).build());

    Template template = Template.fromStack(serverStack);
    template.resourceCountIs("AWS::CloudWatch::Alarm", 4);
    template.resourcePropertiesCountIs("AWS::CloudWatch::Alarm", Map.of("Threshold", 300), 2);
    // One action serves every alarm: all of them notify the one topic.
    template.allResourcesProperties(
        "AWS::CloudWatch::Alarm",
        Map.of(
            "AlarmActions",
            List.of(Map.of("Fn::ImportValue", Match.stringLikeRegexp("Shared:.*Alerts.*")))));
    assertThat(Template.fromStack(Stack.of(alerts)).findResources("AWS::CloudWatch::Alarm"))
        .isEmpty();
  }

  @Test
  void sendsToAnExistingTopicWithoutCreatingOne() {
    Stack stack = stack();
    ITopic topic =
        Topic.fromTopicArn(stack, "Existing", "arn:aws:sns:us-east-1:123456789012:dba-alerts");
    DmsAlerts alerts =
        new DmsAlerts(
            stack,
            "Alerts",
            DmsAlertsProps.builder()
                .topic(topic)
                .emailAddresses(List.of("dba@example.com"))
                .build());

    Template template = template(stack);
    template.resourceCountIs("AWS::SNS::Topic", 0);
    template.resourceCountIs("AWS::KMS::Key", 0);
    template.hasResourceProperties(
        "AWS::SNS::Subscription",
        Map.of(
            "TopicArn", "arn:aws:sns:us-east-1:123456789012:dba-alerts",
            "Endpoint", "dba@example.com"));
    template.allResourcesProperties(
        "AWS::DMS::EventSubscription",
        Map.of("SnsTopicArn", "arn:aws:sns:us-east-1:123456789012:dba-alerts"));
    assertThat(alerts.getTopic()).isSameAs(topic);
    assertThat(alerts.getEncryptionKey()).isNull();
  }

  @Test
  void failsWhenAnExistingTopicGetsNewTopicSettings() {
    Stack stack = stack();
    DmsAlertsProps props =
        DmsAlertsProps.builder()
            .topic(Topic.fromTopicArn(stack, "Existing", "arn:aws:sns:us-east-1:123456789012:a"))
            .topicName("alerts")
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();

    assertThatThrownBy(() -> new DmsAlerts(stack, "Alerts", props))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid DmsAlerts 'Alerts': 'topicName' applies only to a new topic, but an existing"
                + " 'topic' is given: remove it; 'removalPolicy' applies only to a new key, but an"
                + " existing 'topic' or 'encryptionKey' is given: remove it");
  }

  @Test
  void failsOnInvalidEmailAndEmptyCategories() {
    Stack stack = stack();
    DmsAlertsProps props =
        DmsAlertsProps.builder()
            .emailAddresses(List.of("dba at example.com"))
            .instanceEventCategories(List.of())
            .build();

    assertThatThrownBy(() -> new DmsAlerts(stack, "Alerts", props))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid DmsAlerts 'Alerts': 'emailAddresses' holds 'dba at example.com', which is not"
                + " an e-mail address such as dba@example.com; 'instanceEventCategories' must hold at"
                + " least one element; leave it out for the default");
  }
}
