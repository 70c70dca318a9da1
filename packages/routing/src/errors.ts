import { SupportKitError } from "@supportkit/core";

/**
 * Stable codes of {@link RoutingError}.
 *
 * - `UNKNOWN_AGENT`: no agent with that id is registered
 * - `UNKNOWN_ITEM`: no queued or assigned work item with that id
 * - `DUPLICATE_ITEM`: a work item with that id is already queued or assigned
 * - `DUPLICATE_AGENT`: a list of agents (a snapshot's, `pickAgent`'s) holds the same id twice
 * - `UNKNOWN_SHIFT`: an agent names a shift that `options.shifts` does not define
 * - `UNSERIALISABLE_SHIFT`: a snapshot met a shift clock object that `options.shifts` does not name
 * - `DISPATCH_IN_PROGRESS`: an event handler called `dispatch` or `restore` while a dispatch was running
 * - `READ_ONLY_INSTANT`: a setter was called on a Date of a dispatch result (they are shared: copy first)
 *
 * @example
 * ```ts
 * const code: RoutingErrorCode = "DUPLICATE_ITEM";
 * ```
 */
export type RoutingErrorCode =
  | "UNKNOWN_AGENT"
  | "UNKNOWN_ITEM"
  | "DUPLICATE_ITEM"
  | "DUPLICATE_AGENT"
  | "UNKNOWN_SHIFT"
  | "UNSERIALISABLE_SHIFT"
  | "DISPATCH_IN_PROGRESS"
  | "READ_ONLY_INSTANT";

/**
 * A routing operation named something the router does not hold, or state that cannot be snapshotted.
 *
 * @example
 * ```ts
 * try {
 *   router.release("nope");
 * } catch (error) {
 *   if (error instanceof RoutingError) error.code; //=> "UNKNOWN_ITEM"
 * }
 * ```
 */
export class RoutingError extends SupportKitError {
  static override readonly brand: string = "@supportkit/routing:RoutingError";

  /** Which rule was broken. */
  declare readonly code: RoutingErrorCode;

  /**
   * @param code - stable identifier of the failure
   * @param message - what went wrong, for people
   */
  constructor(code: RoutingErrorCode, message: string) {
    super(code, message);
    this.name = "RoutingError";
  }
}
