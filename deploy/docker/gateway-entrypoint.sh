#!/bin/sh
# Fills the shared gateway template (deploy/nginx) with container addresses, then runs nginx.
set -eu
mkdir -p /tmp/gateway
chown nginx /tmp/gateway
sed -e "s#@@USER_DIRECTIVE@@#user nginx;#" -e "s#@@RUNTIME_DIR@@#/tmp/gateway#g" -e "s#@@LISTEN@@#0.0.0.0:8080#" \
    -e "s#@@CHECKOUT@@#server checkout:8000;#" -e "s#@@PROVIDER_GATEWAY@@#server provider-gateway:8000;#" \
    -e "s#@@IMEI_REGISTRY@@#server imei-registry:8000;#" -e "s#@@SUPPORT_DESK@@#server support-desk:8000;#" -e "s#@@OPS_DESK@@#server ops-desk:8000;#" \
    -e "s#@@WEB_ROOT@@#/usr/share/nginx/html#" -e "s#@@BANK_ORIGIN@@#${PORTAL_BANK_ORIGIN:-http://127.0.0.1:8200}#" \
    /etc/portal/gateway.conf.template > /tmp/gateway/gateway.conf
exec nginx -p /tmp/gateway -c /tmp/gateway/gateway.conf
