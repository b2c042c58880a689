"""`python -m helpers`: put Fashion-MNIST into Keras' cache (what `make data` runs)."""

from helpers.data import ensure_keras_cache

print(f"Fashion-MNIST ready in {ensure_keras_cache()}")
