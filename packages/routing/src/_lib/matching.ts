/**
 * Maximum capacitated bipartite matching (b-matching) by augmenting paths: Kuhn's algorithm with right
 * vertex capacities. Left vertices are tried in the given order and a matched left vertex is never
 * unmatched, so the matched set is the maximum one that prefers earlier left vertices (the greedy basis of
 * the transversal matroid). The DFS is iterative, so long augmenting paths cannot overflow the stack.
 *
 * @param adjacency - for each left vertex, the right vertices it may use, most preferred first
 * @param capacity - how many left vertices each right vertex can take
 * @returns for each left vertex the matched right vertex, or -1
 */
export function maxMatching(
  adjacency: readonly (readonly number[])[],
  capacity: readonly number[],
): number[] {
  const matchOf = new Array<number>(adjacency.length).fill(-1);
  const holders: number[][] = capacity.map(() => []);
  const seen = new Int32Array(capacity.length).fill(-1);
  const frameLeft: number[] = [];
  const frameEdge: number[] = [];
  const frameHolder: number[] = [];

  for (let root = 0; root < adjacency.length; root++) {
    const choices = adjacency[root] as readonly number[];
    let direct = -1;
    for (const right of choices) {
      if ((holders[right] as number[]).length < (capacity[right] as number)) {
        direct = right;
        break;
      }
    }
    if (direct >= 0) {
      matchOf[root] = direct;
      (holders[direct] as number[]).push(root);
      continue;
    }
    frameLeft.length = 0;
    frameEdge.length = 0;
    frameHolder.length = 0;
    frameLeft.push(root);
    frameEdge.push(0);
    frameHolder.push(-1);
    let found = -1;
    while (frameLeft.length > 0) {
      const top = frameLeft.length - 1;
      const left = frameLeft[top] as number;
      const edges = adjacency[left] as readonly number[];
      const edge = frameEdge[top] as number;
      const holder = frameHolder[top] as number;
      if (holder >= 0) {
        const held = holders[edges[edge] as number] as number[];
        if (holder < held.length) {
          frameHolder[top] = holder + 1;
          frameLeft.push(held[holder] as number);
          frameEdge.push(0);
          frameHolder.push(-1);
        } else {
          frameHolder[top] = -1;
          frameEdge[top] = edge + 1;
        }
        continue;
      }
      if (edge >= edges.length) {
        frameLeft.pop();
        frameEdge.pop();
        frameHolder.pop();
        continue;
      }
      const right = edges[edge] as number;
      if (seen[right] === root) {
        frameEdge[top] = edge + 1;
        continue;
      }
      seen[right] = root;
      if ((holders[right] as number[]).length < (capacity[right] as number)) {
        found = right;
        break;
      }
      frameHolder[top] = 0;
    }
    if (found < 0) continue;
    // Each left vertex on the path moves to the next right vertex; the one below takes the slot it left.
    let take = found;
    for (let depth = frameLeft.length - 1; depth >= 0; depth--) {
      const left = frameLeft[depth] as number;
      const previous = matchOf[left] as number;
      if (previous >= 0) {
        const list = holders[previous] as number[];
        list.splice(list.indexOf(left), 1);
      }
      matchOf[left] = take;
      (holders[take] as number[]).push(left);
      if (depth > 0) {
        const below = depth - 1;
        take = (adjacency[frameLeft[below] as number] as readonly number[])[
          frameEdge[below] as number
        ] as number;
      }
    }
  }
  return matchOf;
}
