#!/usr/bin/env bash
# Makes the Ed25519 key pairs a production LiênThông needs, into deploy/secrets/ (git-ignored):
# the gateway's signing key (subgraph calls, delegation grants) with its public half for the
# subgraphs, the audit key (batches and checkpoints) with its public half for audit:verify, and the
# key the gateway pseudonymises callers with in its logs (32 random bytes).
# For Kubernetes, load them into the Secret the manifests name (see README "Running in containers").
set -euo pipefail
dir="$(dirname "$0")/secrets"
mkdir -p "$dir"
for key in gateway-signing audit-signing; do
  if [ -e "$dir/$key.pem" ]; then echo "$dir/$key.pem exists: kept"; continue; fi
  openssl genpkey -algorithm ed25519 -out "$dir/$key.pem"
  chmod 600 "$dir/$key.pem"
done
if [ ! -e "$dir/log-pseudonym.key" ]; then
  openssl rand -out "$dir/log-pseudonym.key" 32
  chmod 600 "$dir/log-pseudonym.key"
fi
openssl pkey -in "$dir/gateway-signing.pem" -pubout -out "$dir/gateway-public.pem"
openssl pkey -in "$dir/audit-signing.pem" -pubout -out "$dir/audit-public.pem"
echo "keys in $dir"
