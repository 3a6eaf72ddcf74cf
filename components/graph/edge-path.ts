// Edge geometry beyond React Flow's bezier: parallel edges between one pair bow apart so both
// stay visible, and a self-loop arcs over its node.
import { getBezierPath, Position } from "@xyflow/react";

export interface EdgeGeometry {
  path: string;
  labelX: number;
  labelY: number;
}

const PARALLEL_SPREAD = 34;

export function edgeGeometry(
  sourceX: number,
  sourceY: number,
  targetX: number,
  targetY: number,
  options: { selfLoop: boolean; parallelIndex: number; parallelCount: number },
): EdgeGeometry {
  if (options.selfLoop) {
    const lift = 70;
    return {
      path: `M ${sourceX} ${sourceY} C ${sourceX + 70} ${sourceY - lift}, ${targetX - 70} ${targetY - lift}, ${targetX} ${targetY}`,
      labelX: (sourceX + targetX) / 2,
      labelY: Math.min(sourceY, targetY) - lift * 0.75,
    };
  }
  if (options.parallelCount <= 1) {
    const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition: Position.Right, targetX, targetY, targetPosition: Position.Left });
    return { path, labelX, labelY };
  }
  const offset = (options.parallelIndex - (options.parallelCount - 1) / 2) * PARALLEL_SPREAD;
  const reach = Math.max(40, Math.abs(targetX - sourceX) / 2);
  const c1x = sourceX + reach;
  const c1y = sourceY + offset;
  const c2x = targetX - reach;
  const c2y = targetY + offset;
  // The point of the cubic at t = ½: (P0 + 3·P1 + 3·P2 + P3) / 8.
  return {
    path: `M ${sourceX} ${sourceY} C ${c1x} ${c1y}, ${c2x} ${c2y}, ${targetX} ${targetY}`,
    labelX: (sourceX + 3 * c1x + 3 * c2x + targetX) / 8,
    labelY: (sourceY + 3 * c1y + 3 * c2y + targetY) / 8,
  };
}
