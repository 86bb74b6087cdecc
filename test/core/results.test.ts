import { describe, expect, it } from "vitest";
import { AsyncResult, NoResultError, OmmiError } from "ommi";

const failing = () => new AsyncResult<number>(Promise.reject(new NoResultError("nothing here")));
const succeeding = () => new AsyncResult<number>(Promise.resolve(42));

describe("AsyncResult", () => {
  it("awaits to { ok: true, value } on success", async () => {
    expect(await succeeding()).toEqual({ ok: true, value: 42 });
  });

  it("awaits to { ok: false, error } on failure, never throwing", async () => {
    const outcome = await failing();
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? undefined : outcome.error).toBeInstanceOf(NoResultError);
  });

  it("wraps anything thrown that is not an OmmiError, keeping it as the cause", async () => {
    const thrown = new TypeError("low-level");
    const outcome = await new AsyncResult<number>(() => Promise.reject(thrown));
    const error = outcome.ok ? undefined : outcome.error;
    expect(error).toBeInstanceOf(OmmiError);
    expect(error?.cause).toBe(thrown);
    expect(error?.message).toBe("low-level");
  });

  it("catches an operation that throws before returning a promise", async () => {
    const outcome = await new AsyncResult<number>(() => {
      throw new TypeError("sync");
    });
    expect(outcome.ok).toBe(false);
  });

  it(".value and .raiseOnErrors() give the value, or reject with the OmmiError", async () => {
    expect(await succeeding().value).toBe(42);
    expect(await succeeding().raiseOnErrors()).toBe(42);
    await expect(failing().value).rejects.toBeInstanceOf(NoResultError);
    await expect(failing().raiseOnErrors()).rejects.toBeInstanceOf(NoResultError);
  });

  it(".valueOr(fallback) gives the fallback only on failure", async () => {
    expect(await succeeding().valueOr("fallback")).toBe(42);
    expect(await failing().valueOr("fallback")).toBe("fallback");
  });

  it("AsyncResult.of(value) is a success in every form: awaited, .value, .raiseOnErrors(), .valueOr(), then()", async () => {
    const known = AsyncResult.of({ id: 7 });
    expect(await known).toEqual({ ok: true, value: { id: 7 } });
    expect(await known.value).toEqual({ id: 7 });
    expect(await known.raiseOnErrors()).toEqual({ id: 7 });
    expect(await known.valueOr("fallback")).toEqual({ id: 7 });
    expect(await known.then((result) => (result.ok ? result.value.id : -1))).toBe(7);
    // The same DBResult on every await, as for a result made from a promise.
    expect(await known).toBe(await known);
  });

  it("starts the operation at once, without being awaited", () => {
    let started = false;
    void new AsyncResult(() => {
      started = true;
      return Promise.resolve();
    });
    expect(started).toBe(true);
  });
});
