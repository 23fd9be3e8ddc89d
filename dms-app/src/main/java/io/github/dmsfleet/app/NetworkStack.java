package io.github.dmsfleet.app;

import io.github.dmsfleet.constructs.DmsAccountRoles;
import io.github.dmsfleet.constructs.DmsNetwork;
import io.github.dmsfleet.constructs.DmsNetworkProps;
import io.github.dmsfleet.constructs.DmsTargetBucket;
import io.github.dmsfleet.model.Settings;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Subnet;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcAttributes;
import software.constructs.Construct;

/**
 * The VPC (new, or the existing one the settings name), the replication subnet group and security
 * group, and (in a new VPC) the S3 and Secrets Manager endpoints, whose policies admit the fleet's
 * bucket and this account's secrets only.
 */
public final class NetworkStack extends Stack {
  private final DmsNetwork network;
  private final DmsTargetBucket targetBucket;

  NetworkStack(
      Construct scope,
      String id,
      StackProps props,
      Settings settings,
      DmsAccountRoles accountRoles,
      @Nullable DmsTargetBucket newBucket) {
    super(scope, id, props);
    // An existing bucket is referenced here, where every server stack finds it already.
    targetBucket = newBucket != null ? newBucket : StorageStack.targetBucket(this, settings);
    DmsNetworkProps.Builder network =
        DmsNetworkProps.builder().accountRoles(accountRoles).targetBucket(targetBucket.getBucket());
    if (settings.vpcId().isPresent()) {
      List<ISubnet> subnets =
          settings.subnetIds().stream()
              .map(subnetId -> Subnet.fromSubnetId(this, subnetId, subnetId))
              .toList();
      // Imported by id rather than looked up, so that synthesis makes no AWS call. The subnets are
      // chosen
      // explicitly below, so the VPC's own Availability Zones are needed only as a non-empty list.
      IVpc vpc =
          Vpc.fromVpcAttributes(
              this,
              "Vpc",
              VpcAttributes.builder()
                  .vpcId(settings.vpcId().get())
                  .availabilityZones(Fn.getAzs())
                  .build());
      // An existing VPC brings its own S3 and Secrets Manager endpoints (its route tables are not
      // known here).
      network
          .vpc(vpc)
          .vpcSubnets(SubnetSelection.builder().subnets(subnets).build())
          .s3Endpoint(false)
          .secretsManagerEndpoint(false);
    } else {
      network.vpcCidr(settings.vpcCidr());
    }
    this.network = new DmsNetwork(this, "Network", network.build());
  }

  public DmsNetwork getNetwork() {
    return network;
  }

  /** The fleet's bucket: the storage stack's, or the existing one referenced here. */
  public DmsTargetBucket getTargetBucket() {
    return targetBucket;
  }
}
