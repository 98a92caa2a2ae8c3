/**
 * The buildspec of the platform-owned steps project, one script with a step per pipeline action
 * (the action passes STEP and TARGET_ENV as action environment variables; the target's settings
 * come from the project's TARGETS variable, {@link targetSettings}):
 *
 * - `prepare`: in the target account (through its deploy role), waits until the commit's image
 *   has replicated to the environment's registry, then writes the deploy artifacts. Blue/green:
 *   `taskdef.json` = the latest task definition of the service's family (the one terraform
 *   registered, or the previous release made from it) with only the application image
 *   swapped, `appspec.yaml` (container, port and capacity-provider strategy read from the live
 *   service) and `imageDetail.json`. Rolling: `imagedefinitions.json`.
 * - `app-runner`: points the App Runner service at the commit's image and waits for it.
 * - `built`: publishes the `Commit Built` DORA event once the image is pushed.
 * - `record`: publishes the `Commit Deployed` DORA event (the running account's default bus).
 * - `promote` (pipeline account): hands a release to a production account: the commit, its time
 *   and the image digest (resolved here from the commit tag) as `release.json` in a zip, written
 *   through the production intake role to the production artifact bucket, which starts the
 *   production pipeline there.
 * - `review` (production account): reads `release.json` from the hand-off, checks the image is
 *   in this account's registry by digest, and exports COMMIT_SHA, COMMIT_TIME and IMAGE_DIGEST
 *   for the approval and the deploy. With IMAGE_DIGEST set, `prepare` deploys the image by
 *   digest (`<repository>@sha256:…`), never by tag.
 */
export const STEPS_BUILDSPEC = `version: 0.2
env:
  shell: bash
  exported-variables: [COMMIT_SHA, COMMIT_TIME, IMAGE_DIGEST]
phases:
  build:
    commands:
      - |
        set -euo pipefail
        # (No brace expansions in this script: terraform would read them as interpolations.)
        TARGET_ENV=$(printenv TARGET_ENV || true)
        IMAGE_DIGEST=$(printenv IMAGE_DIGEST || true)
        mkdir -p out
        # Every step leaves a file: CodeBuild fails a build whose artifact folder is empty.
        echo "$STEP $TARGET_ENV $COMMIT_SHA" > out/step.txt
        # The target's settings come from TARGETS (project variable): action variables stay short.
        if [ -n "$TARGET_ENV" ]; then
          target=$(jq -ce --arg env "$TARGET_ENV" '.[$env]' <<<"$TARGETS")
          setting() { jq -er --arg key "$1" '.[$key]' <<<"$target"; }
        fi
        if [ -n "$TARGET_ENV" ] && [ "$STEP" != "promote" ]; then
          TARGET_REGION=$(setting region); DEPLOY_ROLE_ARN=$(setting deployRoleArn)
          IMAGE_REPOSITORY=$(setting repository); IMAGE_REPOSITORY_URI=$(setting repositoryUri)
          CLUSTER=$(setting cluster); SERVICE_NAME=$(setting serviceName); TASK_FAMILY=$(setting taskFamily)
          CONTAINER_NAME=$(setting containerName); STRATEGY=$(setting strategy)
          image="$IMAGE_REPOSITORY_URI:$COMMIT_SHA"
          if [ -n "$IMAGE_DIGEST" ]; then image="$IMAGE_REPOSITORY_URI@$IMAGE_DIGEST"; fi
        fi
        in_target() {
          creds=$(aws sts assume-role --role-arn "$DEPLOY_ROLE_ARN" --role-session-name "release-$TARGET_ENV" --query Credentials --output json)
          AWS_ACCESS_KEY_ID=$(jq -r .AccessKeyId <<<"$creds") AWS_SECRET_ACCESS_KEY=$(jq -r .SecretAccessKey <<<"$creds") \\
            AWS_SESSION_TOKEN=$(jq -r .SessionToken <<<"$creds") AWS_REGION="$TARGET_REGION" AWS_DEFAULT_REGION="$TARGET_REGION" "$@"
        }
        wait_for_image() {
          for attempt in $(seq 1 60); do
            if [ -n "$IMAGE_DIGEST" ]; then id="imageDigest=$IMAGE_DIGEST"; else id="imageTag=$COMMIT_SHA"; fi
            in_target aws ecr describe-images --repository-name "$IMAGE_REPOSITORY" --image-ids "$id" >/dev/null 2>&1 && return 0
            echo "waiting for $image to replicate to $TARGET_ENV ($attempt/60)"; sleep 10
          done
          echo "$image did not reach $TARGET_ENV within 10 minutes: check the registry replication" >&2; return 1
        }
        case "$STEP" in
          prepare)
            wait_for_image
            echo "{\\"ImageURI\\":\\"$image\\"}" > out/imageDetail.json
            if [ "$STRATEGY" = "blue-green" ]; then
              in_target aws ecs describe-task-definition --task-definition "$TASK_FAMILY" --query taskDefinition --output json > current.json
              jq --arg image "$image" --arg name "$CONTAINER_NAME" '
                {family, taskRoleArn, executionRoleArn, networkMode, requiresCompatibilities, cpu, memory,
                 runtimePlatform, volumes, placementConstraints, ephemeralStorage, proxyConfiguration,
                 containerDefinitions: (.containerDefinitions | map(if .name == $name then .image = $image else . end))}
                | with_entries(select(.value != null))' current.json > out/taskdef.json
              in_target aws ecs describe-services --cluster "$CLUSTER" --services "$SERVICE_NAME" --query 'services[0]' --output json > service.json
              # AppSpec wants "version": 0.0, which jq would print as 0.
              jq -c --arg name "$CONTAINER_NAME" '
                {version: 0.0, Resources: [{TargetService: {Type: "AWS::ECS::Service", Properties: ({
                  TaskDefinition: "<TASK_DEFINITION>",
                  LoadBalancerInfo: {ContainerName: $name, ContainerPort: (.loadBalancers[] | select(.containerName == $name) | .containerPort)}
                } + (if (.capacityProviderStrategy // []) | length > 0 then {CapacityProviderStrategy:
                  [.capacityProviderStrategy[] | {CapacityProvider: .capacityProvider, Base: .base, Weight: .weight}]} else {} end))}}]}' \\
                service.json | sed 's/^{"version":0,/{"version":0.0,/' > out/appspec.yaml
            else
              jq -n --arg name "$CONTAINER_NAME" --arg image "$image" '[{name: $name, imageUri: $image}]' > out/imagedefinitions.json
            fi
            ;;
          app-runner)
            wait_for_image
            arn=$(in_target aws apprunner list-services --query "ServiceSummaryList[?ServiceName=='$SERVICE_NAME'].ServiceArn | [0]" --output text)
            in_target aws apprunner describe-service --service-arn "$arn" --query Service.SourceConfiguration --output json \\
              | jq --arg image "$image" '.ImageRepository.ImageIdentifier = $image' > source.json
            in_target aws apprunner update-service --service-arn "$arn" --source-configuration file://source.json >/dev/null
            for attempt in $(seq 1 90); do
              status=$(in_target aws apprunner describe-service --service-arn "$arn" --query Service.Status --output text)
              [ "$status" = "RUNNING" ] && exit 0
              [ "$status" = "OPERATION_IN_PROGRESS" ] || { echo "App Runner service is $status" >&2; exit 1; }
              sleep 20
            done
            echo "App Runner deployment did not finish within 30 minutes" >&2; exit 1
            ;;
          built)
            detail=$(jq -cn --arg service "$SERVICE" --arg commitSha "$COMMIT_SHA" --arg commitTime "$COMMIT_TIME" \\
              --arg pipelineExecutionId "$PIPELINE_EXECUTION_ID" '$ARGS.named')
            jq -cn --arg source "$EVENT_SOURCE" --arg type "$BUILT_DETAIL_TYPE" --arg detail "$detail" \\
              '[{Source: $source, DetailType: $type, Detail: $detail}]' > entries.json
            failed=$(aws events put-events --entries file://entries.json --query FailedEntryCount --output text)
            [ "$failed" = "0" ] || { echo "PutEvents rejected the Commit Built event" >&2; exit 1; }
            ;;
          record)
            deployed=$(date -u +%Y-%m-%dT%H:%M:%SZ)
            lead=$(( $(date -u +%s) - $(date -u -d "$COMMIT_TIME" +%s) ))
            detail=$(jq -cn --arg service "$SERVICE" --arg environment "$TARGET_ENV" --arg commitSha "$COMMIT_SHA" \\
              --arg commitTime "$COMMIT_TIME" --arg deployedTime "$deployed" --argjson leadTimeSeconds "$lead" \\
              --arg pipelineExecutionId "$PIPELINE_EXECUTION_ID" '$ARGS.named')
            jq -cn --arg source "$EVENT_SOURCE" --arg type "$DEPLOYED_DETAIL_TYPE" --arg detail "$detail" \\
              '[{Source: $source, DetailType: $type, Detail: $detail}]' > entries.json
            failed=$(aws events put-events --entries file://entries.json --query FailedEntryCount --output text)
            [ "$failed" = "0" ] || { echo "PutEvents rejected the Commit Deployed event" >&2; exit 1; }
            ;;
          promote)
            digest=$(aws ecr describe-images --repository-name "$IMAGE_REPOSITORY" --image-ids imageTag="$COMMIT_SHA" --query 'imageDetails[0].imageDigest' --output text)
            case "$digest" in sha256:*) ;; *) echo "no image $IMAGE_REPOSITORY:$COMMIT_SHA in this registry" >&2; exit 1 ;; esac
            jq -n --arg service "$SERVICE" --arg commitSha "$COMMIT_SHA" --arg commitTime "$COMMIT_TIME" \
              --arg imageDigest "$digest" --arg pipelineExecutionId "$PIPELINE_EXECUTION_ID" '$ARGS.named' > release.json
            zip -q release.zip release.json
            creds=$(aws sts assume-role --role-arn "$(setting intakeRoleArn)" --role-session-name "promote-$TARGET_ENV" --query Credentials --output json)
            AWS_ACCESS_KEY_ID=$(jq -r .AccessKeyId <<<"$creds") AWS_SECRET_ACCESS_KEY=$(jq -r .SecretAccessKey <<<"$creds") \
              AWS_SESSION_TOKEN=$(jq -r .SessionToken <<<"$creds") AWS_REGION="$(setting region)" AWS_DEFAULT_REGION="$(setting region)" \
              aws s3 cp release.zip "s3://$(setting intakeBucket)/$(setting intakeKey)" --sse aws:kms --sse-kms-key-id "$(setting intakeKeyAlias)"
            echo "handed $digest of $COMMIT_SHA to $TARGET_ENV: its own pipeline asks its approvers"
            ;;
          review)
            release="$CODEBUILD_SRC_DIR/release.json"
            COMMIT_SHA=$(jq -er .commitSha "$release"); COMMIT_TIME=$(jq -er .commitTime "$release")
            IMAGE_DIGEST=$(jq -er .imageDigest "$release")
            case "$IMAGE_DIGEST" in sha256:*) ;; *) echo "release.json has no image digest" >&2; exit 1 ;; esac
            aws ecr describe-images --repository-name "$IMAGE_REPOSITORY" --image-ids imageDigest="$IMAGE_DIGEST" >/dev/null
            export COMMIT_SHA COMMIT_TIME IMAGE_DIGEST
            echo "release of $COMMIT_SHA, image $IMAGE_DIGEST, is in this registry: waiting for approval"
            ;;
          *) echo "unknown STEP '$STEP'" >&2; exit 1 ;;
        esac
artifacts:
  base-directory: out
  files: ['**/*']
`;
