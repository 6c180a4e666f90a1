# The gateway's image for Kubernetes: nginx with the web app baked in (build web/dist first:
# `make setup`) and the template and entrypoint the Docker path uses. From the repository root:
#   docker build -f deploy/k8s/gateway.Dockerfile -t REGISTRY/portal/gateway:TAG .
FROM nginx:1.27
COPY deploy/nginx/gateway.conf.template /etc/portal/gateway.conf.template
COPY --chmod=755 deploy/docker/gateway-entrypoint.sh /gateway-entrypoint.sh
COPY web/dist /usr/share/nginx/html
EXPOSE 8080
ENTRYPOINT ["/gateway-entrypoint.sh"]
