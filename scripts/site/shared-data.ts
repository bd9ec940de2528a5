/**
 * Global data that Eleventy hands to every template by reference instead of copying it.
 *
 * Eleventy deep-merges global data into each template's data (and again into each paginated template's
 * parent data), recreating every nested plain object: at national scale the handbook model and the
 * progress views are tens of thousands of objects, copied once per template. Its merge returns a frozen
 * plain object as it is, so global data goes in as a frozen shallow copy: the same nested objects, shared,
 * and a top level no template can change. The copy is made once per object and reused.
 */

const frozen = new WeakMap<object, object>();

export function shared<T extends object>(value: T): T {
  const hit = frozen.get(value);
  if (hit) return hit as T;
  const copy = Object.freeze({ ...value });
  frozen.set(value, copy);
  return copy;
}
