/// Placeholder so the target builds; replaced as the target is written.
public enum SimKernelTestSupportModule {}
