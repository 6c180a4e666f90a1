"""How the outside reaches support-desk: HTTP and Kafka."""
