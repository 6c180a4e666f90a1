"""`make chaos`: payments through the gateway while faults are injected and processes are killed;
then the money's invariants are checked and a table printed (issue 12, item 1)."""
