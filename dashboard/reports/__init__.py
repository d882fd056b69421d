"""What the app reports: région and TI summaries, the région sheet PDF, exports."""
