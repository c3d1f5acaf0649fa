"""Fine-tuning: verified datasets, LoRA training (transformers + peft), adapter merge."""
