// moment-business-time ships no types; it returns moment with its plugin methods added.
declare module "moment-business-time" {
  const moment: unknown;
  export default moment;
}
