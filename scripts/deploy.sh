#!/usr/bin/env bash
# The deploy steps, in one place, for every pipeline: GitHub Actions (primary), GitLab CI and the
# CodePipeline/CodeBuild stack (Kura-Pipeline) call these same commands, so they cannot drift apart
# (ADR 0015).
#
#   scripts/deploy.sh image <sha>          build the image for linux/amd64 into image.tar.gz
#   scripts/deploy.sh synth <env> <sha>    synthesise <env>'s stacks (cdk-nag runs) into infra/cdk.out.deploy
#   scripts/deploy.sh diff <env>           diff that assembly against the account; Markdown on stdout
#   scripts/deploy.sh deploy <env> <sha>   deploy that assembly: stateful stacks, image (scan gate), app, SPA, smoke
#
# `diff` needs only the CDK lookup role (read-only); `deploy` the CDK deploy and publishing roles.
# `deploy` deploys the assembly `diff` showed, so what a prd approver read is what goes out.
set -euo pipefail
cd "$(dirname "$0")/.."
export CDK_DISABLE_CLI_TELEMETRY=true AWS_REGION="${AWS_REGION:-ap-northeast-1}"
assembly=cdk.out.deploy
cdk() { (cd infra && npx cdk "$@"); }

usage() {
  sed -n '4,8p' "$0" >&2
  exit 2
}

check_env() {
  case "${1:-}" in
    dev | stg | prd) ;;
    *) usage ;;
  esac
}

# ECS runs x86_64 tasks (infra/lib/constructs/kura-task.ts): an image built on Apple silicon must say so.
build_image() {
  local sha=$1
  docker build --platform linux/amd64 --tag "kura-server:${sha}" .
  docker save "kura-server:${sha}" | gzip >image.tar.gz
}

synth() {
  local env=$1 sha=$2
  cdk synth --quiet -c "env=${env}" -c "imageTag=${sha}" --output "${assembly}"
}

diff_markdown() {
  local env=$1 out status=0
  # --no-change-set: a classic template diff, which the read-only lookup role can make.
  out=$(cdk diff --app "${assembly}" --no-change-set --ci "Kura-${env}-*" 2>&1) || status=$?
  printf '### cdk diff: %s\n\n```diff\n%s\n```\n' "${env}" "${out}"
  return "${status}"
}

stack_output() {
  aws cloudformation describe-stacks --stack-name "$1" \
    --query "Stacks[0].Outputs[?OutputKey=='$2'].OutputValue" --output text
}

# Fails the deploy on any CRITICAL finding of the registry's scan (basic scan on push, or Amazon
# Inspector when the registry uses enhanced scanning), before any service runs the image.
scan_gate() {
  local repository=$1 sha=$2 status critical
  for _ in $(seq 1 60); do
    status=$(aws ecr describe-image-scan-findings --repository-name "${repository}" --image-id "imageTag=${sha}" \
      --query imageScanStatus.status --output text 2>/dev/null || echo PENDING)
    case "${status}" in
      COMPLETE | ACTIVE) break ;;
      FAILED | UNSUPPORTED_IMAGE) echo "image scan ${status}: refusing to deploy an unscanned image" >&2 && return 1 ;;
    esac
    sleep 10
  done
  if [[ "${status}" != COMPLETE && "${status}" != ACTIVE ]]; then
    echo "image scan still ${status} after 10 minutes" >&2
    return 1
  fi
  critical=$(aws ecr describe-image-scan-findings --repository-name "${repository}" --image-id "imageTag=${sha}" \
    --query 'imageScanFindings.findingSeverityCounts.CRITICAL' --output text)
  if [[ "${critical}" != None && "${critical}" != 0 ]]; then
    echo "image ${sha} has ${critical} CRITICAL finding(s): not deployed" >&2
    return 1
  fi
  echo "image scan ${status}: no CRITICAL findings"
}

push_image() {
  local env=$1 sha=$2 repo
  repo=$(stack_output "Kura-${env}-Data" RepositoryUri)
  aws ecr get-login-password | docker login --username AWS --password-stdin "${repo%%/*}"
  # Tags are immutable: a re-run of the same commit finds its image already there.
  if aws ecr describe-images --repository-name "${repo#*/}" --image-ids "imageTag=${sha}" >/dev/null 2>&1; then
    echo "image ${sha} already in ${repo}"
  else
    gunzip -c image.tar.gz | docker load
    docker tag "kura-server:${sha}" "${repo}:${sha}"
    docker push "${repo}:${sha}"
  fi
  scan_gate "${repo#*/}" "${sha}"
}

upload_web() {
  local env=$1 bucket distribution
  param() { aws ssm get-parameter --name "/kura/${env}/$1" --query Parameter.Value --output text; }
  bucket=$(param web-bucket)
  distribution=$(param distribution-id)
  # Settings differ per environment, the build does not: the SPA reads /config.json.
  jq -n --arg profile "${env}" --arg issuer "$(param oidc-issuer)" \
    --arg clientId "$(param oidc-client-id)" --arg authDomain "$(param auth-domain)" \
    '{profile: $profile, apiBaseUrl: "/api", oidc: {issuer: $issuer, clientId: $clientId, authDomain: $authDomain}}' \
    >web-dist/config.json
  # Hashed assets are cached for a year; everything else is revalidated.
  aws s3 sync web-dist/assets "s3://${bucket}/assets" --cache-control "public,max-age=31536000,immutable"
  aws s3 sync web-dist "s3://${bucket}" --delete --exclude "assets/*" --cache-control "no-cache"
  aws cloudfront create-invalidation --distribution-id "${distribution}" --paths "/*" --query Invalidation.Id --output text
}

smoke() {
  local env=$1 url
  url=$(aws ssm get-parameter --name "/kura/${env}/site-url" --query Parameter.Value --output text)
  echo "url=${url}" >>"${GITHUB_OUTPUT:-/dev/null}"
  curl --fail --silent --show-error --retry 10 --retry-delay 15 --retry-all-errors "${url}/api/health"
  curl --fail --silent --show-error --retry 5 --retry-delay 10 --retry-all-errors --output /dev/null "${url}/"
}

deploy() {
  local env=$1 sha=$2
  # Non-interactive CDK must be told not to prompt; the human gate is before this command, not in
  # it: prd's environment approval (GitHub, GitLab) or manual approval action (CodePipeline),
  # given after the reviewer read this assembly's diff.
  cdk deploy --app "${assembly}" --require-approval never --ci "Kura-${env}-Network" "Kura-${env}-Data"
  push_image "${env}" "${sha}"
  # Custom::KuraMigration runs the migrations as a one-off task before ECS updates the services.
  # EdgeAlarms (us-east-1, CloudFront's metrics) depends on App and nothing depends on it: name it.
  cdk deploy --app "${assembly}" --require-approval never --ci "Kura-${env}-Waf" "Kura-${env}-App" "Kura-${env}-EdgeAlarms"
  upload_web "${env}"
  smoke "${env}"
}

case "${1:-}" in
  image) [[ $# -eq 2 ]] || usage && build_image "$2" ;;
  synth) [[ $# -eq 3 ]] || usage && check_env "$2" && synth "$2" "$3" ;;
  diff) [[ $# -eq 2 ]] || usage && check_env "$2" && diff_markdown "$2" ;;
  deploy) [[ $# -eq 3 ]] || usage && check_env "$2" && deploy "$2" "$3" ;;
  *) usage ;;
esac
