#!/bin/sh
# Makes the hub seal keys that docker-compose.yml mounts from ./keys (git-ignored):
#   seal.p12       PKCS#12: EC P-256 signing key "seal-1", AES-256 field key "fields-1"
#   seal.password  the keystore password (first line)
# The aliases are payhub.seal.signing-key-id / field-key-id. Needs keytool (any JDK 17).
# Usage: compose/make-keys.sh [folder]    (default: ./keys; an existing keystore is kept)
set -eu

dir=${1:-keys}
keytool=${JAVA_HOME:+$JAVA_HOME/bin/}keytool

mkdir -p "$dir"
if [ -e "$dir/seal.p12" ]; then
  echo "$dir/seal.p12 exists: kept"
  exit 0
fi

umask 022
head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"$dir/seal.password"
echo >>"$dir/seal.password"

"$keytool" -genkeypair -alias seal-1 -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA \
  -dname "CN=PayHub local seal seal-1" -validity 3650 \
  -storetype PKCS12 -keystore "$dir/seal.p12" -storepass:file "$dir/seal.password"
"$keytool" -genseckey -alias fields-1 -keyalg AES -keysize 256 \
  -storetype PKCS12 -keystore "$dir/seal.p12" -storepass:file "$dir/seal.password"

# the container runs as uid 185, not as you: local keys must be readable by others
chmod 644 "$dir/seal.p12" "$dir/seal.password"
echo "made $dir/seal.p12 and $dir/seal.password"
