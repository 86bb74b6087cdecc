import { expect, it } from "vitest";
import { forEachDriver } from "../support/conformance.js";
import { seedSamples, textRows } from "../support/samples.js";

forEachDriver("text operators", (context) => {
  const seed = (texts: (string | null)[]) => seedSamples(context(), textRows(texts));

  it("contains, startsWith and endsWith take %, _ and \\ as literal text", async () => {
    const { Sample, texts } = await seed(["a%b", "a_b", "a\\b", "axb", "ab", "100%", "_x", "x\\", null]);
    expect(await texts(Sample.text.contains("%"))).toEqual(["100%", "a%b"]);
    expect(await texts(Sample.text.contains("_"))).toEqual(["_x", "a_b"]);
    expect(await texts(Sample.text.contains("\\"))).toEqual(["a\\b", "x\\"]);
    expect(await texts(Sample.text.contains("a\\b"))).toEqual(["a\\b"]);
    expect(await texts(Sample.text.startsWith("a%"))).toEqual(["a%b"]);
    expect(await texts(Sample.text.startsWith("_"))).toEqual(["_x"]);
    expect(await texts(Sample.text.endsWith("%"))).toEqual(["100%"]);
    expect(await texts(Sample.text.endsWith("\\"))).toEqual(["x\\"]);
    expect(await texts(Sample.text.endsWith("_b"))).toEqual(["a_b"]);
  });

  it("contains, startsWith and endsWith take other pattern syntaxes (*, ?, [, .) literally too", async () => {
    const { Sample, texts } = await seed(["a*b", "a?b", "a[b]", "a.b", "axb"]);
    expect(await texts(Sample.text.contains("*"))).toEqual(["a*b"]);
    expect(await texts(Sample.text.contains("?"))).toEqual(["a?b"]);
    expect(await texts(Sample.text.startsWith("a["))).toEqual(["a[b]"]);
    expect(await texts(Sample.text.endsWith(".b"))).toEqual(["a.b"]);
  });

  it("contains, startsWith, endsWith, like and regex are case-sensitive", async () => {
    const { Sample, texts } = await seed(["abc", "ABC", "Abc", "école", "ÉCOLE"]);
    expect(await texts(Sample.text.contains("bc"))).toEqual(["Abc", "abc"]);
    expect(await texts(Sample.text.startsWith("A"))).toEqual(["ABC", "Abc"]);
    expect(await texts(Sample.text.endsWith("BC"))).toEqual(["ABC"]);
    expect(await texts(Sample.text.like("abc"))).toEqual(["abc"]);
    expect(await texts(Sample.text.like("%OLE"))).toEqual(["ÉCOLE"]);
    expect(await texts(Sample.text.regex("^a"))).toEqual(["abc"]);
    expect(await texts(Sample.text.startsWith("é"))).toEqual(["école"]);
  });

  it("like: % is any run of characters, _ exactly one, \\ makes the next literal", async () => {
    const { Sample, texts } = await seed(["ab", "axb", "a%b", "axxb", "b", "é", "中", "😀", ""]);
    expect(await texts(Sample.text.like("a_b"))).toEqual(["a%b", "axb"]);
    expect(await texts(Sample.text.like("a%b"))).toEqual(["a%b", "ab", "axb", "axxb"]);
    expect(await texts(Sample.text.like("a\\%b"))).toEqual(["a%b"]);
    expect(await texts(Sample.text.like("%"))).toEqual(["", "a%b", "ab", "axb", "axxb", "b", "é", "中", "😀"]);
    expect(await texts(Sample.text.like("_"))).toEqual(["b", "é", "中", "😀"]);
    expect(await texts(Sample.text.like(""))).toEqual([""]);
  });

  it("ilike ignores case, Unicode letters included", async () => {
    const { Sample, texts } = await seed(["ÉCOLE", "école", "Ecole", "abc", "ABC", "ΣΟΦΙΑ", "σοφια"]);
    expect(await texts(Sample.text.ilike("école"))).toEqual(["ÉCOLE", "école"]);
    expect(await texts(Sample.text.ilike("ABC"))).toEqual(["ABC", "abc"]);
    expect(await texts(Sample.text.ilike("%cole"))).toEqual(["Ecole", "ÉCOLE", "école"]);
    expect(await texts(Sample.text.ilike("σοφια"))).toEqual(["ΣΟΦΙΑ", "σοφια"]);
    expect(await texts(Sample.text.ilike("_BC"))).toEqual(["ABC", "abc"]);
  });

  it("regex searches with the syntax common to JavaScript and POSIX", async () => {
    const { Sample, texts } = await seed(["cat", "cart", "scatter", "dog", "c4t", "CAT"]);
    expect(await texts(Sample.text.regex("c.t"))).toEqual(["c4t", "cat", "scatter"]);
    expect(await texts(Sample.text.regex("^c[a-z]+t$"))).toEqual(["cart", "cat"]);
    expect(await texts(Sample.text.regex("^(dog|cat)$"))).toEqual(["cat", "dog"]);
    expect(await texts(Sample.text.regex("[0-9]"))).toEqual(["c4t"]);
  });

  it("contains('') matches every text, the empty one included", async () => {
    const { Sample, texts } = await seed(["", "a", null]);
    expect(await texts(Sample.text.contains(""))).toEqual(["", "a"]);
    expect(await texts(Sample.text.startsWith(""))).toEqual(["", "a"]);
  });
});
