"""How the outside reaches imei-registry: HTTP and Kafka."""
