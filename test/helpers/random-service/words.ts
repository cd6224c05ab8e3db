// Word pools for names. None ends in "Base" or "Response" (names ssgen infers for untitled tables),
// none is a System type or a ServiceStack built-in.

export const NOUNS = [
  "Order", "Customer", "Invoice", "Product", "Ledger", "Account", "Shipment", "Voucher", "Ticket", "Agent",
  "Region", "Supplier", "Warehouse", "Basket", "Coupon", "Payment", "Refund", "Review", "Booking", "Room",
  "Flight", "Seat", "Policy", "Claim", "Device", "Sensor", "Reading", "Contract", "Employee", "Team",
];
export const QUALIFIERS = ["Info", "Detail", "Line", "Entry", "Summary", "Item", "Record", "Note", "Link", "Stat", "Option", "Rule"];
export const ENUM_SUFFIXES = ["Kind", "Status", "Level", "Mode", "Flag", "Tier"];
export const MEMBERS = [
  "None", "Low", "Normal", "High", "Urgent", "Draft", "Active", "Closed", "Pending", "Archived", "Red", "Green",
  "Blue", "Small", "Medium", "Large", "Daily", "Weekly", "Monthly", "Unknown",
];
export const VERBS = ["Get", "Find", "Create", "Update", "Delete", "Archive", "Sync", "Approve", "Cancel", "Export", "Patch", "Search"];
/** Property words: a few embed a Parameter keyword ("Uniform", "Platform") to exercise the flat split. */
export const PROPS = [
  "Name", "Title", "Amount", "Total", "Code", "Label", "Notes", "Email", "Phone", "Street", "City", "Zip",
  "Country", "Quantity", "Price", "Discount", "Rate", "Score", "Weight", "Height", "Width", "Color", "Created",
  "Modified", "Due", "Started", "Ended", "Version", "Owner", "Source", "Target", "Reason", "Comment", "Enabled",
  "Visible", "Locked", "Uniform", "Platform", "Antibody", "Bodyweight", "Headline", "Query", "Pathway",
];
export const TAGS = ["orders", "billing", "admin", "support", "reports", "catalog", "inventory", "travel"];
export const ROLES = ["Admin", "Clerk", "Manager", "Auditor"];
export const PERMISSIONS = ["orders:read", "orders:write", "billing:all", "reports:view"];
export const DESCRIPTION_WORDS = [
  "the", "current", "value", "of", "this", "record", "when", "set", "used", "for", "billing", "and", "display",
  "only", "if", "known", "in", "UTC", "per", "unit",
];
/** PROPS without the names that embed a Parameter keyword. */
export const PLAIN_PROPS = PROPS.filter((p) => !/path|query|body|form|header/i.test(p.slice(1)));
