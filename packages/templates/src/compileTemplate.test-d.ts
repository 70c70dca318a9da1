import { expectTypeOf, test } from "vitest";
import type { CompiledTemplate, RenderedTemplate, TemplateErrorCode, TemplateSetInput } from "./index";
import { compileTemplate, renderTemplate, resolveLocale } from "./index";

test("public types", () => {
  expectTypeOf(compileTemplate).returns.toEqualTypeOf<CompiledTemplate>();
  expectTypeOf<CompiledTemplate["render"]>().returns.toEqualTypeOf<string>();
  expectTypeOf(renderTemplate).returns.toEqualTypeOf<RenderedTemplate>();
  expectTypeOf(resolveLocale).returns.toHaveProperty("reason");
  expectTypeOf<TemplateErrorCode>().toExtend<string>();
  // escape is a closed set
  expectTypeOf(compileTemplate)
    .parameter(1)
    .toEqualTypeOf<import("./index").CompileTemplateOptions | undefined>();
  expectTypeOf<TemplateSetInput["variants"][string]>().toHaveProperty("sms");
});
