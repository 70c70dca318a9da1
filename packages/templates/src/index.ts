/**
 * `@supportkit/templates`: multilingual reply templates in a safe, Liquid-compatible language — our own
 * parser and interpreter with budgets, CLDR locale fallback, channel variants (email, chat, SMS) and
 * locale-aware formatting (money, dates, lists, plurals).
 *
 * @packageDocumentation
 */

// Macros
export type { ApplyMacroOptions, Macro, MacroActions, MacroInput, MacroResult } from "./applyMacro";
export { applyMacro, defineMacro } from "./applyMacro";
// Template language
export type { CompiledTemplate, CompileTemplateOptions, RenderOptions } from "./compileTemplate";
export { compileTemplate } from "./compileTemplate";
// Template sets and channels
export type {
  TemplateChannel,
  TemplateSet,
  TemplateSetInput,
  TemplateVariantInput,
} from "./defineTemplateSet";
export { defineTemplateSet } from "./defineTemplateSet";
export type { TemplateErrorCode, TemplateErrorOptions } from "./errors";
export { TemplateError } from "./errors";
export { htmlToText } from "./htmlToText";
export type { TemplateLimits } from "./limits";
export { DEFAULT_TEMPLATE_LIMITS } from "./limits";
export type { SmsInfo } from "./measureSms";
export { measureSms } from "./measureSms";
export type { RenderedTemplate, RenderTemplateOptions } from "./renderTemplate";
export { renderTemplate } from "./renderTemplate";
// Locales
export type { LocaleMatchReason, LocaleResolution } from "./resolveLocale";
export { resolveLocale } from "./resolveLocale";
// Checking templates when they are saved
export type {
  TemplateIssue,
  TemplateIssueCode,
  TemplateValidation,
  ValidateTemplateOptions,
} from "./validateTemplate";
export { validateTemplate } from "./validateTemplate";
