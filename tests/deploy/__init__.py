"""The deployment files checked offline: the Kubernetes manifests as kustomize renders them, the
compose file against the compose specification. No stack, no cluster, no network."""
