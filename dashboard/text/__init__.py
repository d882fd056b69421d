"""What the user reads: French labels and number/date formatting."""
