import { runConformance } from "ommi/conformance";
import { connectStub } from "./stub-driver.js";

runConformance({
  name: "stub",
  async open() {
    const driver = await connectStub();
    return { driver, dispose: () => driver.close() };
  },
});
