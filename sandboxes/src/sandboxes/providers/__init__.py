"""The providers sandbox: billers speaking the OSMP/QIWI and the signed REST protocols."""
