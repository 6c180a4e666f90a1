"""How the outside reaches checkout: HTTP and Kafka."""
