"""The feedback kiosk for Vietnam's one-stop counters, without a screen: domain, storage, CLI."""
