#!/usr/bin/env bash
# Creates a small demo PKI for loopback TLS between the station and the simulated gateway:
#   DIR/ca.pem, DIR/station.{pem,key}, DIR/gateway.{pem,key}   (EC P-256, SAN localhost and 127.0.0.1)
# Existing files are kept (run it every time; it only fills what is missing or expired soon).
# Usage: make-demo-pki.sh DIR
set -euo pipefail
dir="${1:?usage: make-demo-pki.sh DIR}"
mkdir -p "$dir"
cd "$dir"
valid() { [ -s "$1" ] && openssl x509 -in "$1" -noout -checkend 86400 >/dev/null 2>&1; }
if ! valid ca.pem || [ ! -s ca.key ]; then
  rm -f ca.* station.* gateway.*
  openssl ecparam -name prime256v1 -genkey -noout -out ca.key 2>/dev/null
  openssl req -x509 -new -key ca.key -sha256 -days 825 -subj "/CN=Vigil demo CA" -out ca.pem 2>/dev/null
fi
for name in station gateway; do
  valid "$name.pem" && continue
  openssl ecparam -name prime256v1 -genkey -noout -out "$name.key" 2>/dev/null
  openssl req -new -key "$name.key" -subj "/CN=vigil-$name" -out "$name.csr" 2>/dev/null
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1,DNS:vigil-%s\nextendedKeyUsage=serverAuth,clientAuth\n' "$name" > "$name.ext"
  openssl x509 -req -in "$name.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -days 397 -sha256 \
    -extfile "$name.ext" -out "$name.pem" 2>/dev/null
  rm -f "$name.csr" "$name.ext"
done
chmod 600 ./*.key
