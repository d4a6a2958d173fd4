// Segments 客户分组 (src-tauri/src/commands/segments.rs): ready-made and saved segments with their
// counts, a live count while one is edited, and the segments one customer is in, condition by
// condition. A segment opens as a customer list through `segment: KEY` in the list's query.
import { call } from "./transport";
import type { SegmentDefinition } from "./types";

export const segmentsList = () => call("segments_list");
export const segmentsCount = (definition: SegmentDefinition) => call("segments_count", { definition });
export const segmentsSave = (id: number | null, name: string, definition: SegmentDefinition) => call("segments_save", { id, name, definition });
export const segmentsDelete = (id: number) => call("segments_delete", { id });
export const segmentsOfCustomer = (customerId: number) => call("segments_of_customer", { customerId });
