#!/usr/bin/env python3
"""gen_types: compile CloudFormation's resource types, their regions and their
Fn::GetAtt attributes into src/types_data.c (static tables, no start-up work).

Usage: tools/gen_types.py [SCHEMAS_DIR [OUT_FILE]]
  SCHEMAS_DIR  ../shared/schemas/cloudformation (regions.tsv, resources/*.json)
  OUT_FILE     src/types_data.c

Facts compiled in:
- every type of regions.tsv with the regions where it exists (a bit a region);
- its attributes: the registry schema's readOnlyProperties, each named as
  Fn::GetAtt writes it (`/properties/Endpoint/Address` -> `Endpoint.Address`),
  an object expanded into its leaves, an object with no listed properties (a
  map, such as a stack's Outputs) accepted with any `Name.` suffix, and the
  value type where the schema gives one;
- GETATT_ALL_PROPERTIES, GETATT_EXTRA and GETATT_MAPS below: attributes CloudFormation
  returns that the registry does not mark read-only (the "Return values"
  sections of the CloudFormation resource reference list them);
- a type without a schema (regions.tsv lists a few) accepts any attribute.

Python 3 standard library only; run it only to regenerate the committed file
(tests/t_types.sh checks that the committed file is current).
"""
import json
import os
import sys

# Types whose every property Fn::GetAtt can read (the resource reference's
# "Return values" list their input properties, e.g. AWS::SQS::Queue QueueName).
GETATT_ALL_PROPERTIES = [
    "AWS::Amplify::Branch", "AWS::Amplify::Domain", "AWS::AppSync::DomainName",
    "AWS::AppSync::FunctionConfiguration", "AWS::AppSync::Resolver",
    "AWS::AutoScaling::AutoScalingGroup", "AWS::Backup::BackupSelection",
    "AWS::Backup::BackupVault", "AWS::CodeArtifact::Domain",
    "AWS::CodeArtifact::Repository", "AWS::EC2::CapacityReservation",
    "AWS::EC2::Subnet", "AWS::EC2::VPC", "AWS::EFS::MountTarget",
    "AWS::EKS::Nodegroup", "AWS::ElasticLoadBalancingV2::LoadBalancer",
    "AWS::Events::EventBus", "AWS::EventSchemas::Discoverer",
    "AWS::EventSchemas::Registry", "AWS::EventSchemas::Schema",
    "AWS::GameLift::GameSessionQueue", "AWS::GameLift::MatchmakingConfiguration",
    "AWS::GameLift::MatchmakingRuleSet", "AWS::Grafana::Workspace",
    "AWS::ImageBuilder::Component", "AWS::ImageBuilder::ContainerRecipe",
    "AWS::ImageBuilder::DistributionConfiguration", "AWS::ImageBuilder::ImagePipeline",
    "AWS::ImageBuilder::ImageRecipe", "AWS::ImageBuilder::InfrastructureConfiguration",
    "AWS::Neptune::DBCluster", "AWS::RDS::DBParameterGroup",
    "AWS::RoboMaker::RobotApplication", "AWS::RoboMaker::SimulationApplication",
    "AWS::Route53Resolver::ResolverRule", "AWS::Route53Resolver::ResolverRuleAssociation",
    "AWS::S3::AccessPoint", "AWS::SageMaker::DataQualityJobDefinition",
    "AWS::SageMaker::ModelBiasJobDefinition",
    "AWS::SageMaker::ModelExplainabilityJobDefinition",
    "AWS::SageMaker::ModelQualityJobDefinition", "AWS::SageMaker::MonitoringSchedule",
    "AWS::SNS::Topic", "AWS::SQS::Queue", "AWS::SSM::Parameter",
    "AWS::StepFunctions::Activity",
]

# Input properties that a type's "Return values" also list as attributes.
GETATT_EXTRA = {
    "AWS::AppMesh::GatewayRoute": ["GatewayRouteName", "MeshName", "MeshOwner", "VirtualGatewayName"],
    "AWS::AppMesh::Mesh": ["MeshName"],
    "AWS::AppMesh::Route": ["MeshName", "MeshOwner", "RouteName", "VirtualRouterName"],
    "AWS::AppMesh::VirtualGateway": ["MeshName", "MeshOwner", "VirtualGatewayName"],
    "AWS::AppMesh::VirtualNode": ["MeshName", "MeshOwner", "VirtualNodeName"],
    "AWS::AppMesh::VirtualRouter": ["MeshName", "MeshOwner", "VirtualRouterName"],
    "AWS::AppMesh::VirtualService": ["MeshName", "MeshOwner", "VirtualServiceName"],
    "AWS::AppSync::DataSource": ["Name"],
    "AWS::Cloud9::EnvironmentEC2": ["Name"],
    "AWS::CloudWatch::InsightRule": ["RuleName"],
    "AWS::DocDB::DBCluster": ["Port"],
    "AWS::EC2::Instance": ["AvailabilityZone"],
    "AWS::EC2::SecurityGroup": ["VpcId"],
    "AWS::Greengrass::ConnectorDefinition": ["Name"],
    "AWS::Greengrass::CoreDefinition": ["Name"],
    "AWS::Greengrass::DeviceDefinition": ["Name"],
    "AWS::Greengrass::FunctionDefinition": ["Name"],
    "AWS::Greengrass::Group": ["Name", "RoleArn"],
    "AWS::Greengrass::LoggerDefinition": ["Name"],
    "AWS::Greengrass::ResourceDefinition": ["Name"],
    "AWS::Greengrass::SubscriptionDefinition": ["Name"],
    "AWS::IoT1Click::Device": ["Enabled"],
    "AWS::IoT1Click::Placement": ["PlacementName", "ProjectName"],
    "AWS::IoT1Click::Project": ["ProjectName"],
    "AWS::Kinesis::StreamConsumer": ["ConsumerName", "StreamARN"],
    "AWS::ManagedBlockchain::Member": ["NetworkId"],
    "AWS::MediaConvert::JobTemplate": ["Name"],
    "AWS::MediaConvert::Preset": ["Name"],
    "AWS::MediaConvert::Queue": ["Name"],
    "AWS::MediaLive::Input": ["Destinations", "Sources"],
    "AWS::OpsWorks::Instance": ["AvailabilityZone"],
    "AWS::OpsWorks::UserProfile": ["SshUsername"],
    "AWS::Route53Resolver::ResolverEndpoint": ["Direction", "Name"],
    "AWS::SageMaker::CodeRepository": ["CodeRepositoryName"],
    "AWS::SageMaker::Endpoint": ["EndpointName"],
    "AWS::SageMaker::EndpointConfig": ["EndpointConfigName"],
    "AWS::SageMaker::Model": ["ModelName"],
    "AWS::SageMaker::NotebookInstance": ["NotebookInstanceName"],
    "AWS::SageMaker::NotebookInstanceLifecycleConfig": ["NotebookInstanceLifecycleConfigName"],
    "AWS::SageMaker::Workteam": ["WorkteamName"],
    "AWS::ServiceDiscovery::Service": ["Name"],
    "AWS::Transfer::User": ["ServerId", "UserName"],
}

# Attributes named by the template itself: a nested stack's GetAtt reads any
# of its outputs ("Outputs.BucketName"), which its schema cannot list.
GETATT_MAPS = {
    "AWS::CloudFormation::Stack": ["Outputs"],
}

# Attribute value types, as types.h names them.
TYPE_CODES = {"string": "TYPES_STRING", "integer": "TYPES_INTEGER", "number": "TYPES_NUMBER",
              "boolean": "TYPES_BOOLEAN", "array": "TYPES_ARRAY"}


def resolve(schema, node, depth=0):
    """Follow local $refs; merge nothing else."""
    while isinstance(node, dict) and "$ref" in node and depth < 32:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            return {}
        target = schema
        for part in ref[2:].split("/"):
            if not isinstance(target, dict) or part not in target:
                return {}
            target = target[part]
        node = target
        depth += 1
    return node if isinstance(node, dict) else {}


def pointer(schema, path):
    """The schema node of a readOnlyProperties pointer, or None."""
    node = schema
    for part in path.split("/")[1:]:
        node = resolve(schema, node)
        if part in node:
            node = node[part]
        elif "properties" in node and part in node["properties"]:
            node = node["properties"][part]
        elif node.get("type") == "array" or "items" in node:
            node = resolve(schema, node.get("items", {}))
            if part not in node.get("properties", {}):
                return None
            node = node["properties"][part]
        else:
            return None
    return resolve(schema, node)


def value_type(node):
    t = node.get("type")
    if isinstance(t, list):
        t = t[0] if len(t) == 1 else None
    return TYPE_CODES.get(t, "TYPES_ANY")


def leaves(schema, name, node, out, depth=0):
    """Attribute names under one schema node: objects expand to their leaves."""
    node = resolve(schema, node)
    props = node.get("properties")
    if (node.get("type") == "object" or props) and depth < 8:
        if props:
            for key, sub in props.items():
                leaves(schema, name + "." + key, sub, out, depth + 1)
        else:
            out[name + "."] = "TYPES_ANY"   # a map: any key below it
            out[name] = "TYPES_ANY"
        return
    out.setdefault(name, value_type(node))


def attributes(type_name, schema):
    out = {}
    if type_name in GETATT_ALL_PROPERTIES:
        for key, sub in schema.get("properties", {}).items():
            leaves(schema, key, sub, out)
    for key in GETATT_EXTRA.get(type_name, []):
        node = pointer(schema, "/properties/" + key)
        if node is not None:
            leaves(schema, key, node, out)
    for key in GETATT_MAPS.get(type_name, []):
        out[key + "."] = "TYPES_STRING"
    for ro in schema.get("readOnlyProperties", []):
        parts = ro.split("/")
        if len(parts) < 3 or parts[1] != "properties":
            continue
        node = pointer(schema, ro)
        if node is None:
            continue
        leaves(schema, ".".join(parts[2:]), node, out)
    return out


def c_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fnv1a(s):
    h = 2166136261
    for b in s.encode():
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared", "schemas", "cloudformation")
    out_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "src", "types_data.c")

    types = {}
    regions = set()
    with open(os.path.join(src, "regions.tsv"), encoding="utf-8") as f:
        for line in f.read().splitlines()[1:]:
            if not line.strip():
                continue
            name, where = line.split("\t")
            rs = [r.rstrip("*") for r in where.split(",") if r]
            types[name] = rs
            regions.update(rs)
    regions = sorted(regions)
    if len(regions) > 64:
        sys.exit("gen_types: more than 64 regions; widen types_entry.regions")
    bit = {r: i for i, r in enumerate(regions)}

    pool = []          # the string pool, as pieces
    pool_len = 0
    offsets = {}

    def intern(s):
        nonlocal pool_len
        if s not in offsets:
            offsets[s] = pool_len
            pool.append(s)
            pool_len += len(s.encode()) + 1
        return offsets[s]

    entries = []
    attrs = []
    for name in sorted(types):
        mask = 0
        for r in types[name]:
            mask |= 1 << bit[r]
        path = os.path.join(src, "resources", name.replace("::", "__") + ".json")
        flags = []
        first = len(attrs)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                schema = json.load(f)
            for aname, atype in sorted(attributes(name, schema).items()):
                attrs.append((intern(aname), len(aname.encode()), atype))
        else:
            flags.append("TYPES_ANY_ATTRIBUTE")
        entries.append((intern(name), len(name.encode()), mask, first, len(attrs) - first,
                        " | ".join(flags) or "0"))

    # Open addressing on FNV-1a, linear probing, table at most half full.
    size = 1
    while size < 2 * len(entries):
        size *= 2
    slots = [0] * size
    for i, name in enumerate(sorted(types)):
        h = fnv1a(name) & (size - 1)
        while slots[h]:
            h = (h + 1) & (size - 1)
        slots[h] = i + 1

    lines = []
    w = lines.append
    w("/* types_data: CloudFormation resource types, regions and GetAtt attributes (generated). */")
    w("/* Generated by tools/gen_types.py from ../shared/schemas/cloudformation")
    w(" * (regions.tsv and the schemas under resources/): do not edit; run the generator. */")
    w('#include "types.h"')
    w("")
    w("const char types_pool[] =")
    for s in pool:
        w("    " + c_string(s) + ' "\\0"')
    w("    ;")
    w("")
    w("const char *const types_regions[] = {")
    for r in regions:
        w("    " + c_string(r) + ",")
    w("    0,")
    w("};")
    w("const unsigned types_n_regions = %d;" % len(regions))
    w("")
    w("const types_entry types_table[] = {")
    for off, ln, mask, first, n, flags in entries:
        w("    {0x%xull, %d, %d, %d, %d, %s}," % (mask, off, first, ln, n, flags))
    w("};")
    w("const unsigned types_count = %d;" % len(entries))
    w("")
    w("const types_attr types_attrs[] = {")
    for off, ln, atype in attrs:
        w("    {%d, %d, %s}," % (off, ln, atype))
    w("    {0, 0, 0},")
    w("};")
    w("")
    w("const unsigned short types_hash[] = {")
    for i in range(0, size, 16):
        w("    " + ", ".join(str(x) for x in slots[i:i + 16]) + ",")
    w("};")
    w("const unsigned types_hash_mask = %d;" % (size - 1))
    text = "\n".join(lines) + "\n"
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
