package io.github.dmsfleet.app;

/** Maps the model's enums onto the constructs' enums of the same constant names. */
final class ConstructEnums {
  private ConstructEnums() {}

  static <T extends Enum<T>> T of(Enum<?> modelValue, Class<T> constructType) {
    return Enum.valueOf(constructType, modelValue.name());
  }
}
