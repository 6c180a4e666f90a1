"""How the outside reaches provider-gateway: HTTP and Kafka."""
