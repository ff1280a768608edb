/**
 * Generated from the server's OpenAPI document by `npm run api-types`. Do not edit.
 */

export interface paths {
    "/api/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search and browse products */
        get: operations["listProducts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{idOrSlug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One product, by id or slug */
        get: operations["getProduct"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All categories with their product counts */
        get: operations["listCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user (created on first sign-in) */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user (admin) */
        get: operations["getUser"];
        put?: never;
        post?: never;
        /** Delete a user: their directory account, their todos and their record (admin; audited) */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        /** Change a user's role or status (admin; audited) */
        patch: operations["changeUser"];
        trace?: never;
    };
    "/api/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search and page through users (admin) */
        get: operations["listUsers"];
        put?: never;
        /** Invite a user through the directory (admin; audited) */
        post: operations["inviteUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/service-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service tokens, newest first (admin) */
        get: operations["listServiceTokens"];
        put?: never;
        /** Create a service token for a machine client (admin; audited) */
        post: operations["createServiceToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/service-tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a service token (admin; audited) */
        delete: operations["revokeServiceToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who changed what, newest first (admin) */
        get: operations["listAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/todos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user’s todos: filtered, sorted, a page at a time, with counts */
        get: operations["listTodos"];
        put?: never;
        /** Add a todo */
        post: operations["createTodo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/todos/toggle-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete or reopen all of the user’s todos (TodoMVC’s toggle-all)
         * @description A bulk intent, so no If-Match: only todos not yet in the state change, and their versions move.
         */
        post: operations["toggleAllTodos"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/todos/clear-completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete all of the user’s completed todos (TodoMVC’s “Clear completed”) */
        post: operations["clearCompletedTodos"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/todos/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One todo, with its ETag */
        get: operations["getTodo"];
        put?: never;
        post?: never;
        /** Delete a todo (If-Match required) */
        delete: operations["deleteTodo"];
        options?: never;
        head?: never;
        /** Change some fields of a todo, complete or reopen it (If-Match required) */
        patch: operations["updateTodo"];
        trace?: never;
    };
    "/api/staff/telemetry/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a sensor; its key is in this answer and never shown again */
        post: operations["registerTelemetryDevice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/telemetry/devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A device and its keys (prefixes and lifetimes only) */
        get: operations["getTelemetryDevice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, move or re-describe a device, or disable it (its readings are then refused) and enable it again */
        patch: operations["changeTelemetryDevice"];
        trace?: never;
    };
    "/api/staff/telemetry/devices/{id}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a new key (shown once); the old ones keep working for the grace period */
        post: operations["rotateTelemetryDeviceKey"];
        /** Every key of the device stops working now (a lost or stolen sensor); rotate to issue a new one */
        delete: operations["revokeTelemetryDeviceKeys"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/telemetry/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every device with its latest reading and whether it is reporting (staff and admins) */
        get: operations["listTelemetryDevices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/telemetry/devices/{id}/readings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A device’s raw readings in a range, oldest first, a page at a time */
        get: operations["listTelemetryReadings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/telemetry/devices/{id}/readings.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A device’s readings in a range as CSV for Excel: UTF-8 with BOM, times on the user’s clock (Tokyo by default) */
        get: operations["exportTelemetryReadings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/telemetry/devices/{id}/buckets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A device’s readings summarised per 1 m / 5 m / 1 h / 1 d bucket: count, avg, min, max per metric */
        get: operations["getTelemetryBuckets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/telemetry/devices/{id}/alert-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A device’s alert rules, each with where its evaluation stands */
        get: operations["listTelemetryAlertRules"];
        put?: never;
        /** Add an alert rule: above or below a threshold for a duration (with a clear threshold), or silence */
        post: operations["createTelemetryAlertRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/telemetry/devices/{id}/alert-rules/{ruleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change an alert rule; an alert it had raised is cleared and evaluation starts afresh */
        put: operations["replaceTelemetryAlertRule"];
        post?: never;
        /** Remove an alert rule; an alert it had raised is cleared, its history stays */
        delete: operations["removeTelemetryAlertRule"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/telemetry/devices/{id}/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A device’s alert history, newest first: raised ones and cleared ones */
        get: operations["listTelemetryDeviceAlerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Events that kept failing and wait for an operator, newest first (staff) */
        get: operations["listDeadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/dead-letters/redrive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send dead letters back to the queue, the given ones or all (staff)
         * @description Consumers are idempotent, so a redriven event that had partly succeeded changes nothing twice. Audited.
         */
        post: operations["redriveDeadLetters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/dead-letters/drill": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Local profile only: publish an event that fails once, to practise the redrive (staff)
         * @description The event is dead-lettered on its first delivery and succeeds once redriven. 404 in every profile but local: deployed systems never carry drills.
         */
        post: operations["runDeadLetterDrill"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ops/traces/{traceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One trace's spans, in start order, from every process that reported them (staff) */
        get: operations["getOpsTrace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ops/traces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent traces, newest first, by route, status and duration (staff) */
        get: operations["searchOpsTraces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ops/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent structured log lines, newest first, by level, module and trace (staff) */
        get: operations["searchOpsLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ops/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One catalogue metric's datapoints over a range, as CloudWatch would answer them (staff) */
        get: operations["getOpsMetric"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ops/process": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This process's memory and what its trace, log and metric stores hold: flat under load, or a leak (staff) */
        get: operations["getOpsProcess"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ops/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The metric catalogue and the dashboard widgets, the same the CloudWatch dashboard is built from (staff) */
        get: operations["getOpsDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ops/alarms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The catalogue's alarms on Kura's own metrics, as this process evaluates them (CloudWatch's rules): state, reason, history (staff) */
        get: operations["listOpsAlarms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/faults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The fault switches and what each adds now; all off by default (staff) */
        get: operations["listFaultSwitches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/faults/{target}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Add latency or a failure rate to one part of Kura, or turn it off with zeros (staff)
         * @description A learning tool: watch the metrics, alarms and dead letters react. Audited. On AWS the switch is an SSM parameter that every task reads within 10 s; locally it applies at once.
         */
        put: operations["setFaultSwitch"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What needs doing now: orders to pack, stock running out, failed events (staff) */
        get: operations["getStaffOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search, filter and page through all products, archived ones too (staff) */
        get: operations["staffListProducts"];
        put?: never;
        /** Create a product with its stock row (staff) */
        post: operations["staffCreateProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/products/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every product as CSV: UTF-8 with BOM, for Excel; imports back unchanged (staff) */
        get: operations["staffExportProducts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/products/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create and update products from a CSV, upserting by SKU (staff)
         * @description The body is the CSV itself (Content-Type text/csv), UTF-8 with or without BOM, at most 20000 rows. The first row names the columns, in any order: sku, slug, name_ja, name_en, name_reading, description_ja, description_en, category, price, tax_class, active, opening_stock. Required: sku, name_ja, name_en, category, price, tax_class. An empty slug keeps the product's slug (new products get one from name_en); an empty active keeps it (new: true); opening_stock applies to new SKUs only. With mode=all (the default) a single bad row means nothing is written; mode=valid-rows writes the good rows. Either way the answer is a report listing each bad cell by row (as Excel numbers it), column and code.
         */
        post: operations["staffImportProducts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/products/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive products: off the storefront, kept for orders (staff) */
        post: operations["staffArchiveProducts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/products/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore archived products to the storefront (staff) */
        post: operations["staffRestoreProducts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One product, archived or not, with its ETag (staff) */
        get: operations["staffGetProduct"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change, archive or restore a product (staff; If-Match required) */
        patch: operations["staffUpdateProduct"];
        trace?: never;
    };
    "/api/staff/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All categories in display order, with product counts (staff) */
        get: operations["staffListCategories"];
        put?: never;
        /** Create a category, last in the order (staff) */
        post: operations["staffCreateCategory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/categories/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Put every category in a new order (staff) */
        put: operations["staffReorderCategories"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an empty category (staff; 409 CATEGORY_NOT_EMPTY otherwise) */
        delete: operations["staffDeleteCategory"];
        options?: never;
        head?: never;
        /** Rename a category or change its slug (staff) */
        patch: operations["staffUpdateCategory"];
        trace?: never;
    };
    "/api/staff/stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stock per SKU, searchable; or only the low ones, sold out first (staff) */
        get: operations["listStock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/stock/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One SKU’s stock with its recent movements (staff) */
        get: operations["getStockItem"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/stock/{sku}/movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One SKU’s movement history, newest first (staff) */
        get: operations["listStockMovements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/stock/{sku}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change on hand with a reason; recorded as a movement (staff)
         * @description Refused with 409 INSUFFICIENT_STOCK, writing nothing, when available stock would go below zero. With an Idempotency-Key, a retry answers the first result (200, `Idempotent-Replayed: true`) and applies nothing; the same key with a different request is 422 IDEMPOTENCY_KEY_REUSED.
         */
        post: operations["adjustStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/stock/{sku}/threshold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the low-stock threshold of a SKU (staff) */
        put: operations["setStockThreshold"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/products/{id}/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product's images in display order */
        get: operations["staffListProductImages"];
        put?: never;
        /**
         * Add an uploaded file as the last image of a product
         * @description The upload must exist, be within the size limit and decode as a JPEG, PNG, WebP, AVIF or GIF image (`NOT_AN_IMAGE` otherwise; SVG is refused). WebP renditions are made once, here.
         */
        post: operations["staffAddProductImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/products/{id}/images/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A presigned form to upload one image file straight to object storage
         * @description The signed form allows exactly one key, the given content type and at most `maxBytes`. Post it with the file, then register the key with POST …/images.
         */
        post: operations["staffCreateProductImageUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/products/{id}/images/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the display order of a product's images */
        put: operations["staffReorderProductImages"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/products/{id}/images/{imageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an image with its original and every rendition; the others close the gap */
        delete: operations["staffDeleteProductImage"];
        options?: never;
        head?: never;
        /** Change an image's alt text */
        patch: operations["staffUpdateProductImage"];
        trace?: never;
    };
    "/api/cart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user’s cart: lines with today’s product data and problems, totals with tax per rate */
        get: operations["getCart"];
        put?: never;
        post?: never;
        /** Empty the cart */
        delete: operations["clearCart"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put a product in the cart, adding to the units already there */
        post: operations["addCartLine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge the guest cart kept in the browser into the user’s cart (on sign-in)
         * @description Quantities add up, capped at 99 a line. A guest cart can be old: products that no longer exist or are no longer sold are left out rather than refused.
         */
        post: operations["mergeCart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart/lines/{productId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change how many units of a product are in the cart (and accept its current price) */
        put: operations["setCartLine"];
        post?: never;
        /** Take a product out of the cart */
        delete: operations["removeCartLine"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user’s orders, newest first, a page at a time */
        get: operations["listOrders"];
        put?: never;
        /**
         * Check out the cart, or the given lines ("buy now"); pay cash on delivery
         * @description The order is `pending` until stock is reserved. `Idempotency-Key` is required: the same key and body answer the stored response (`Idempotent-Replayed: true`); while the first is in flight, 409 IDEMPOTENCY_KEY_IN_USE; the same key with another body, 422 IDEMPOTENCY_KEY_REUSED. Lines that cannot be ordered as they are: 409 ORDER_NOT_PLACEABLE, naming each line; an emptied cart (another tab checked it out) likewise. Checkouts per user are limited (429 RATE_LIMITED with Retry-After), retries with a key included.
         */
        post: operations["placeOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the signed-in user’s orders */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a pending or confirmed order; its reserved stock is released */
        post: operations["cancelOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every customer’s orders, newest first; by state, or searched by number or email (staff) */
        get: operations["staffListOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One order with its customer and history, and its ETag (staff) */
        get: operations["staffGetOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/orders/{id}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a confirmed order shipped; its reserved stock is sold (staff; If-Match required)
         * @description The reservation is committed (on hand and reserved both drop) in the same transaction as the state change. 409 ILLEGAL_ORDER_TRANSITION unless the order is confirmed; 409 ORDER_STOCK_NOT_RESERVED when its stock was released meanwhile; 412 when the If-Match is stale.
         */
        post: operations["staffShipOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/orders/{id}/deliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a shipped order delivered (staff; If-Match required)
         * @description 409 ILLEGAL_ORDER_TRANSITION unless the order is shipped; 412 when the If-Match is stale.
         */
        post: operations["staffDeliverOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a pending or confirmed order; its reserved stock is released (staff; If-Match required)
         * @description The same cancel as the customer’s: the stock service releases the reservation on OrderCancelled. 409 ILLEGAL_ORDER_TRANSITION once shipped; 412 when the If-Match is stale.
         */
        post: operations["staffCancelOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ProductList: {
            items: components["schemas"]["ProductSummary"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
            /**
             * @description Did you mean: the query with each term not found as typed replaced by the nearest word in product names; else null
             * @example matcha
             */
            suggestion: string | null;
        };
        ProductSummary: {
            /** Format: uuid */
            id: string;
            slug: string;
            sku: string;
            name: components["schemas"]["Localized"];
            /**
             * @description Integer yen, consumption tax included
             * @example 1280
             */
            price: number;
            /**
             * @description standard: 10 %, reduced (food): 8 %
             * @enum {string}
             */
            taxClass: "standard" | "reduced";
            category: {
                slug: string;
                name: components["schemas"]["Localized"];
            };
            /** @description The first image; null when the product has none */
            image: components["schemas"]["Image"] | null;
            availability: components["schemas"]["Availability"];
        };
        /** @description Text in Japanese and English */
        Localized: {
            ja: string;
            en: string;
        };
        Image: {
            /**
             * @description The widest rendition, or the original when there are none (SVG)
             * @example /media/products/sak-0001-0-1a2b3c4d.svg
             */
            url: string;
            alt: components["schemas"]["Localized"];
            width: number;
            height: number;
            /** @description Narrowest first; empty for vector images, which scale by themselves */
            renditions: components["schemas"]["ImageRendition"][];
        };
        /** @description A WebP copy; list them in `srcset` as `url widthw` */
        ImageRendition: {
            url: string;
            width: number;
            height: number;
        };
        Availability: {
            /** @enum {string} */
            status: "in_stock" | "low_stock" | "sold_out";
            /** @description Units that can be ordered now */
            available: number;
        };
        Error: {
            error: {
                /** @enum {string} */
                code: "VALIDATION_FAILED" | "INVALID_CURSOR" | "MALFORMED_REQUEST" | "UNAUTHENTICATED" | "FORBIDDEN" | "ACCOUNT_DISABLED" | "DEVICE_DISABLED" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "CONFLICT" | "SKU_TAKEN" | "SLUG_TAKEN" | "CATEGORY_NOT_EMPTY" | "INSUFFICIENT_STOCK" | "IDEMPOTENCY_KEY_IN_USE" | "ILLEGAL_ORDER_TRANSITION" | "ORDER_STOCK_NOT_RESERVED" | "ORDER_NOT_PLACEABLE" | "PRECONDITION_FAILED" | "PRECONDITION_REQUIRED" | "PAYLOAD_TOO_LARGE" | "IMPORT_TOO_MANY_ROWS" | "UNSUPPORTED_MEDIA_TYPE" | "UPLOAD_REJECTED" | "UPLOAD_NOT_FOUND" | "NOT_AN_IMAGE" | "IDEMPOTENCY_KEY_REUSED" | "PRODUCT_UNAVAILABLE" | "RATE_LIMITED" | "INTERNAL" | "SERVICE_UNAVAILABLE";
                message: string;
                /** @description Which input was wrong, for validation errors */
                details?: {
                    path: string;
                    message: string;
                    code?: string;
                }[];
                requestId: string;
            };
        };
        Product: components["schemas"]["ProductSummary"] & {
            description: components["schemas"]["Localized"];
            images: components["schemas"]["Image"][];
            /** Format: date-time */
            createdAt: string;
        };
        CategoryList: {
            items: components["schemas"]["Category"][];
        };
        Category: {
            /** Format: uuid */
            id: string;
            /** @example sake */
            slug: string;
            name: components["schemas"]["Localized"];
            position: number;
            productCount: number;
        };
        User: {
            /** Format: uuid */
            id: string;
            email: string;
            displayName: string;
            /** @enum {string} */
            role: "customer" | "staff" | "admin";
            /** @enum {string} */
            status: "active" | "disabled" | "deleted";
            /** @example Asia/Tokyo */
            timeZone: string;
            /** @enum {string} */
            locale: "ja" | "en";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        InvitedUser: {
            user: components["schemas"]["User"];
            /** @description Only from a directory that cannot send mail (the local one): pass it on; shown once */
            temporaryPassword: string | null;
        };
        UserList: {
            items: components["schemas"]["User"][];
            nextCursor: string | null;
        };
        ServiceToken: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description The first characters of the secret, to tell tokens apart */
            prefix: string;
            scopes: ("catalog:read" | "stock:read" | "orders:read" | "otlp:write")[];
            /** Format: uuid */
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
        };
        CreatedServiceToken: {
            token: components["schemas"]["ServiceToken"];
            /**
             * @description Shown once: Kura keeps only its hash
             * @example kura_st_…
             */
            secret: string;
        };
        AuditLog: {
            items: components["schemas"]["AuditEntry"][];
            nextCursor: string | null;
        };
        AuditEntry: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            at: string;
            /** Format: uuid */
            actorId: string | null;
            actorEmail: string | null;
            /** @example user.changed */
            action: string;
            subjectType: string;
            subjectId: string;
            subjectEmail: string | null;
            before?: unknown;
            after?: unknown;
        };
        TodoList: {
            items: components["schemas"]["Todo"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
            counts: components["schemas"]["TodoCounts"];
        };
        Todo: {
            /** Format: uuid */
            id: string;
            title: string;
            notes: string;
            /**
             * Format: date-time
             * @description UTC instant; null when there is no due date
             */
            dueAt: string | null;
            /** @description 1 is the highest, 4 (the default) the lowest */
            priority: number;
            completed: boolean;
            /** Format: date-time */
            completedAt: string | null;
            /** @description An app path the todo is about (a pack task links to its order); null for your own todos */
            link: string | null;
            /** @description Send as `If-Match: "<version>"` to change or delete the todo */
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** @description All of the user’s todos, whatever the filter (TodoMVC’s footer) */
        TodoCounts: {
            active: number;
            completed: number;
        };
        CreateTodo: {
            /**
             * @description Trimmed before it is checked and stored
             * @example Buy sake for the party
             */
            title: string;
            notes?: string;
            /**
             * Format: date-time
             * @description An instant with offset (`2026-05-01T09:00:00+09:00`), or a local date-time (`2026-05-01T09:00`) read in the user’s time zone
             * @example 2026-05-01T09:00:00+09:00
             */
            dueAt?: string | null;
            /** @description Default 4 (lowest) */
            priority?: number;
        };
        TodoBulkResult: {
            changed: number;
            counts: components["schemas"]["TodoCounts"];
        };
        ToggleAllTodos: {
            completed: boolean;
        };
        UpdateTodo: {
            /**
             * @description Trimmed before it is checked and stored
             * @example Buy sake for the party
             */
            title?: string;
            notes?: string;
            /**
             * Format: date-time
             * @description null removes the due date
             * @example 2026-05-01T09:00:00+09:00
             */
            dueAt?: string | null;
            priority?: number;
            /** @description true completes the todo (completedAt is set once), false reopens it */
            completed?: boolean;
        };
        IssuedDeviceKey: {
            device: components["schemas"]["Device"];
            /** @description The device’s key, shown this once: send it as `Authorization: Bearer <key>` to /ingest/v1/readings */
            key: string;
            keyInfo: components["schemas"]["DeviceKeyInfo"];
        };
        Device: {
            /** Format: uuid */
            id: string;
            nameJa: string;
            nameEn: string;
            location: string;
            /** @enum {string} */
            kind: "fridge" | "cellar" | "warehouse" | "freezer" | "shop_floor" | "other";
            reportingIntervalSeconds: number;
            /** @description A disabled device’s readings are refused (403) */
            enabled: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        DeviceKeyInfo: {
            /** Format: uuid */
            id: string;
            /** @description The key’s first characters; the key itself is never shown again */
            prefix: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description Set when a newer key replaced it
             */
            expiresAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
        };
        RegisterDevice: {
            nameJa: string;
            nameEn: string;
            /** @example 蔵1 冷蔵庫 */
            location: string;
            /** @enum {string} */
            kind: "fridge" | "cellar" | "warehouse" | "freezer" | "shop_floor" | "other";
            /** @description How often the device is expected to report; silence is judged against it */
            reportingIntervalSeconds: number;
        };
        DeviceDetail: components["schemas"]["Device"] & {
            keys: components["schemas"]["DeviceKeyInfo"][];
        };
        ChangeDevice: {
            nameJa?: string;
            nameEn?: string;
            /** @example 蔵1 冷蔵庫 */
            location?: string;
            /** @enum {string} */
            kind?: "fridge" | "cellar" | "warehouse" | "freezer" | "shop_floor" | "other";
            /** @description How often the device is expected to report; silence is judged against it */
            reportingIntervalSeconds?: number;
            enabled?: boolean;
        };
        RotateDeviceKey: {
            /**
             * @description How long the replaced keys keep working (default an hour)
             * @default 3600
             */
            graceSeconds: number;
        };
        RevokedDeviceKeys: {
            /** @description How many keys were still live */
            revoked: number;
        };
        DeviceStatusList: {
            items: components["schemas"]["DeviceStatus"][];
            /** @description Pass as `cursor` for the next page */
            nextCursor: string | null;
        };
        DeviceStatus: components["schemas"]["Device"] & {
            /**
             * @description silent: no reading for more than three reporting intervals; disabled: staff turned it off
             * @enum {string}
             */
            state: "reporting" | "silent" | "never_reported" | "disabled";
            latest: components["schemas"]["Reading"];
            /** @description The alerts raised and not yet cleared, newest first: what staff must see before anything else */
            openAlerts: components["schemas"]["Alert"][];
        };
        Reading: {
            /**
             * Format: date-time
             * @description The device’s instant, UTC
             */
            ts: string;
            /** @description °C */
            temperature: number;
            /** @description %RH */
            humidity: number;
            status: string;
        } | null;
        Alert: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            ruleId: string;
            /** @enum {string} */
            kind: "above" | "below" | "silence";
            /** @enum {string|null} */
            metric: "temperature" | "humidity" | null;
            threshold: number | null;
            forSeconds: number;
            /**
             * Format: date-time
             * @description When the condition began to hold
             */
            conditionSince: string;
            /** Format: date-time */
            raisedAt: string;
            /** @description The reading that raised it; null for silence */
            raisedValue: number | null;
            /**
             * Format: date-time
             * @description null while the alert is raised
             */
            clearedAt: string | null;
            clearedValue: number | null;
            /** @enum {string|null} */
            clearedBecause: "recovered" | "rule_changed" | "rule_removed" | null;
        };
        ReadingsPage: {
            items: components["schemas"]["Reading"][];
            nextCursor: string | null;
        };
        /** @description Every bucket of the range, empty ones included (gaps stay visible) */
        ReadingBuckets: {
            /** @enum {string} */
            width: "1m" | "5m" | "1h" | "1d";
            /** @example Asia/Tokyo */
            timeZone: string;
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            buckets: {
                /** Format: date-time */
                start: string;
                count: number;
                temperature: components["schemas"]["MetricSummary"];
                humidity: components["schemas"]["MetricSummary"];
            }[];
        };
        /** @description null in an empty bucket */
        MetricSummary: {
            avg: number | null;
            min: number | null;
            max: number | null;
        };
        AlertRuleList: {
            items: components["schemas"]["AlertRule"][];
        };
        AlertRule: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            deviceId: string;
            /** @enum {string} */
            kind: "above" | "below" | "silence";
            /** @enum {string|null} */
            metric: "temperature" | "humidity" | null;
            threshold: number | null;
            clearThreshold: number | null;
            forSeconds: number;
            clearForSeconds: number;
            enabled: boolean;
            /**
             * @description ok → pending (breaking, not yet for long enough) → raised → clearing (clear, not yet for long enough)
             * @enum {string}
             */
            phase: "ok" | "pending" | "raised" | "clearing";
            /**
             * Format: date-time
             * @description When the pending or clearing period began
             */
            phaseSince: string | null;
            /**
             * Format: uuid
             * @description The raised alert, while there is one
             */
            openAlertId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AlertRuleInput: {
            /** @enum {string} */
            kind: "above";
            /** @enum {string} */
            metric: "temperature" | "humidity";
            threshold: number;
            /** @description Hysteresis: a raised alert clears only at or beyond this (above: at or below it; below: at or above it). Default: the threshold */
            clearThreshold?: number;
            /** @description How long the threshold must be broken before the alert is raised (0: at once) */
            forSeconds: number;
            /**
             * @description How long the clear condition must hold before the alert clears
             * @default 0
             */
            clearForSeconds: number;
            /**
             * @description A disabled rule is not evaluated
             * @default true
             */
            enabled: boolean;
        } | {
            /** @enum {string} */
            kind: "below";
            /** @enum {string} */
            metric: "temperature" | "humidity";
            threshold: number;
            /** @description Hysteresis: a raised alert clears only at or beyond this (above: at or below it; below: at or above it). Default: the threshold */
            clearThreshold?: number;
            /** @description How long the threshold must be broken before the alert is raised (0: at once) */
            forSeconds: number;
            /**
             * @description How long the clear condition must hold before the alert clears
             * @default 0
             */
            clearForSeconds: number;
            /**
             * @description A disabled rule is not evaluated
             * @default true
             */
            enabled: boolean;
        } | {
            /** @enum {string} */
            kind: "silence";
            /** @description Raised when no reading came for this long */
            forSeconds: number;
            /**
             * @description A disabled rule is not evaluated
             * @default true
             */
            enabled: boolean;
        };
        /** @description Newest first */
        AlertList: {
            items: components["schemas"]["Alert"][];
            nextCursor: string | null;
        };
        DeadLetters: {
            items: components["schemas"]["DeadLetter"][];
        };
        DeadLetter: {
            /**
             * Format: uuid
             * @description The event's id: what a redrive names
             */
            id: string;
            /** @example OrderPlaced */
            type: string;
            /** @description What the event is about (an order id) */
            key: string;
            /** @description The event as it was published */
            payload?: unknown;
            /** Format: date-time */
            occurredAt: string;
            /** @description Deliveries before it was dead-lettered */
            receiveCount: number;
            /** Format: date-time */
            deadAt: string | null;
            /** @description Why it failed, when the consumer said so */
            reason: string | null;
        };
        RedriveResult: {
            /** @description How many went back to the queue */
            moved: number;
        };
        RedriveDeadLetters: {
            /** @description These dead letters */
            ids?: string[];
            /**
             * @description Every dead letter
             * @enum {boolean}
             */
            all?: true;
        };
        DeadLetterDrill: {
            /** Format: uuid */
            id: string;
        };
        OpsTrace: {
            traceId: string;
            spans: components["schemas"]["OpsSpan"][];
        };
        OpsSpan: {
            spanId: string;
            /** @description null for the first span this store saw of the trace */
            parentSpanId: string | null;
            /** @example GET /api/products */
            name: string;
            /**
             * @description The process that recorded it (OTel service.name)
             * @example kura
             */
            service: string;
            /** @enum {string} */
            kind: "INTERNAL" | "SERVER" | "CLIENT" | "PRODUCER" | "CONSUMER";
            /** Format: date-time */
            startTime: string;
            durationMs: number;
            /** @enum {string} */
            status: "ok" | "error" | "unset";
            attributes: {
                [key: string]: unknown;
            };
        };
        OpsTraceSummary: {
            traceId: string;
            /** @description The entry span's name */
            name: string;
            service: string;
            /** @example POST /api/orders */
            route: string | null;
            httpStatus: number | null;
            /** Format: date-time */
            startTime: string;
            durationMs: number;
            /**
             * @description error when any span of the trace failed
             * @enum {string}
             */
            status: "ok" | "error" | "unset";
            spanCount: number;
        };
        OpsLogRecord: {
            /** Format: date-time */
            time: string;
            /** @enum {string} */
            level: "trace" | "debug" | "info" | "warn" | "error" | "fatal";
            /** @example http */
            module: string;
            msg: string;
            traceId: string | null;
            spanId: string | null;
            requestId: string | null;
            /** @description The rest of the line, credentials redacted */
            fields: {
                [key: string]: unknown;
            };
        };
        OpsMetricSeries: {
            /** @enum {string} */
            metric: "OrdersPlaced" | "OrdersConfirmed" | "OrdersRejected" | "OrdersCancelled" | "OrderSettleLatency" | "RelayLag" | "QueueAge" | "DeadLetters" | "EventsConsumed" | "EventsFailed" | "HttpRequests" | "HttpLatency" | "Http5xx" | "ReadingsAccepted" | "ReadingsRejected" | "AlertsRaised" | "AlertNoticesFailed";
            /** @enum {string} */
            unit: "Count" | "Milliseconds";
            /** @description The route or event type; null: the metric as a whole */
            dimension: string | null;
            /** @enum {string} */
            statistic: "Sum" | "Average" | "Maximum" | "Minimum" | "SampleCount" | "p99";
            periodSeconds: number;
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @description One per period that has data, oldest first; periods without data are absent */
            datapoints: {
                /** Format: date-time */
                timestamp: string;
                value: number;
            }[];
            /** @description The dimension values seen for this metric (routes…) */
            dimensions: string[];
        };
        OpsProcess: {
            pid: number;
            uptimeSeconds: number;
            memory: {
                rssBytes: number;
                heapUsedBytes: number;
                heapTotalBytes: number;
                externalBytes: number;
            };
            /** @description What the in-memory stores hold now; each is bounded */
            stores: {
                spans: number;
                spanBytes: number;
                logLines: number;
                logBytes: number;
                metricSeries: number;
                metricMinutes: number;
            };
        };
        OpsDashboard: {
            metrics: {
                /** @enum {string} */
                name: "OrdersPlaced" | "OrdersConfirmed" | "OrdersRejected" | "OrdersCancelled" | "OrderSettleLatency" | "RelayLag" | "QueueAge" | "DeadLetters" | "EventsConsumed" | "EventsFailed" | "HttpRequests" | "HttpLatency" | "Http5xx" | "ReadingsAccepted" | "ReadingsRejected" | "AlertsRaised" | "AlertNoticesFailed";
                /** @enum {string} */
                unit: "Count" | "Milliseconds";
                dimension: string | null;
                description: string;
            }[];
            widgets: {
                title: string;
                metrics: {
                    /** @enum {string} */
                    metric: "OrdersPlaced" | "OrdersConfirmed" | "OrdersRejected" | "OrdersCancelled" | "OrderSettleLatency" | "RelayLag" | "QueueAge" | "DeadLetters" | "EventsConsumed" | "EventsFailed" | "HttpRequests" | "HttpLatency" | "Http5xx" | "ReadingsAccepted" | "ReadingsRejected" | "AlertsRaised" | "AlertNoticesFailed";
                    /** @enum {string} */
                    statistic: "Sum" | "Average" | "Maximum" | "Minimum" | "SampleCount" | "p99";
                }[];
            }[];
        };
        OpsAlarm: {
            /**
             * @example ConsumerFailing
             * @enum {string}
             */
            id: "OrdersRejectedBurst" | "OrderSettleSlow" | "RelayLagging" | "QueueAgeHigh" | "EventsDeadLettered" | "ConsumerFailing" | "Api5xx" | "ApiLatencyP99" | "ReadingsRejectedBurst";
            description: string;
            /** @enum {string} */
            metric: "OrdersPlaced" | "OrdersConfirmed" | "OrdersRejected" | "OrdersCancelled" | "OrderSettleLatency" | "RelayLag" | "QueueAge" | "DeadLetters" | "EventsConsumed" | "EventsFailed" | "HttpRequests" | "HttpLatency" | "Http5xx" | "ReadingsAccepted" | "ReadingsRejected" | "AlertsRaised" | "AlertNoticesFailed";
            /** @example Sum */
            statistic: string;
            periodSeconds: number;
            /** @enum {string} */
            comparison: "GreaterThanThreshold" | "GreaterThanOrEqualToThreshold" | "LessThanThreshold";
            threshold: number;
            evaluationPeriods: number;
            datapointsToAlarm: number;
            /** @enum {string} */
            missingData: "breaching" | "notBreaching" | "ignore" | "missing";
            /** @enum {string} */
            state: "OK" | "ALARM" | "INSUFFICIENT_DATA";
            cause: components["schemas"]["OpsAlarmCause"];
            /** @example Threshold crossed: 2 out of the last 3 datapoints were greater than 2 */
            reason: string;
            /**
             * Format: date-time
             * @description When the alarm entered its state
             */
            since: string;
            /** Format: date-time */
            evaluatedAt: string | null;
            /** @description The last evaluation's periods, oldest first; null: no data in the period */
            datapoints: {
                /** Format: date-time */
                timestamp: string;
                value: number | null;
            }[];
            /** @description State changes, newest first (bounded) */
            history: {
                /** Format: date-time */
                time: string;
                /** @enum {string} */
                from: "OK" | "ALARM" | "INSUFFICIENT_DATA";
                /** @enum {string} */
                to: "OK" | "ALARM" | "INSUFFICIENT_DATA";
                cause: components["schemas"]["OpsAlarmCause"];
                reason: string;
            }[];
        };
        /** @description Why the alarm is in its state, as data the console words in its reader's language (`reason` is the same in English) */
        OpsAlarmCause: {
            /** @enum {string} */
            code: "notEvaluated";
        } | {
            /** @enum {string} */
            code: "noData";
            periods: number;
            kept: boolean;
        } | {
            /** @enum {string} */
            code: "crossed" | "notCrossed";
            breaching: number;
            judged: number;
            missing: number;
        } | {
            /** @enum {string} */
            code: "fewAllBreaching";
            breaching: number;
            judged: number;
            kept: boolean;
        };
        FaultSwitches: {
            items: components["schemas"]["FaultSwitch"][];
            /**
             * @description Where the switches live: this process, or SSM
             * @enum {string}
             */
            store: "in-process" | "ssm";
        };
        FaultSwitch: {
            /**
             * @description stock-consumer: the order flow’s event handlers; api-*: a group of API routes; ingest: the devices’ endpoint
             * @example stock-consumer
             * @enum {string}
             */
            target: "stock-consumer" | "api-catalog" | "api-cart" | "api-orders" | "api-back-office" | "ingest";
            latencyMs: number;
            failureRate: number;
            /** @description Latency or failures are being added */
            on: boolean;
        };
        FaultSetting: {
            /**
             * @description Added before each request or event
             * @example 0
             */
            latencyMs: number;
            /**
             * @description Share of requests (503) or deliveries (retried, then dead-lettered) that fail: 0 to 1
             * @example 0.5
             */
            failureRate: number;
        };
        StaffOverview: {
            /** @description Confirmed orders: stock is reserved, they wait to be shipped */
            ordersToPack: number;
            stock: {
                /** @description SKUs with nothing left to sell */
                soldOut: number;
                /** @description SKUs at or below their low-stock threshold that still have some */
                low: number;
            };
            deadLetters: {
                /** @description Events that kept failing, counted up to 100 */
                count: number;
                /** @description true when there are more than 100 */
                more: boolean;
            };
        };
        StaffProductList: {
            items: components["schemas"]["StaffProductSummary"][];
            nextCursor: string | null;
            /** @description How many products match the filters, on every page */
            total: number;
        };
        StaffProductSummary: {
            /** Format: uuid */
            id: string;
            sku: string;
            slug: string;
            name: components["schemas"]["Localized"];
            price: number;
            /** @enum {string} */
            taxClass: "standard" | "reduced";
            category: {
                /** Format: uuid */
                id: string;
                slug: string;
                name: components["schemas"]["Localized"];
            };
            active: boolean;
            /** @description Send as `If-Match: "<version>"` to change the product */
            version: number;
            availability: components["schemas"]["Availability"];
            image: components["schemas"]["Image"] | null;
            /** Format: date-time */
            updatedAt: string;
        };
        ImportReport: {
            /** @enum {string} */
            mode: "all" | "valid-rows";
            /** @description false: nothing was written (mode all and a row failed) */
            committed: boolean;
            /** @description Data rows read (blank lines skipped) */
            rows: number;
            created: number;
            updated: number;
            unchanged: number;
            /** @description Rows with at least one error */
            failed: number;
            /** @description In row order; at most 1000 */
            errors: components["schemas"]["CsvRowError"][];
            errorsTruncated: boolean;
        };
        CsvRowError: {
            /** @description As Excel numbers it: the header is row 1 */
            row: number;
            /**
             * @description null when the whole row is at fault
             * @enum {string|null}
             */
            column: "sku" | "slug" | "name_ja" | "name_en" | "name_reading" | "description_ja" | "description_en" | "category" | "price" | "tax_class" | "active" | "opening_stock" | null;
            /** @description zod's issue code for a malformed value (too_small, too_big, invalid_format, invalid_value), or UNKNOWN_CATEGORY, SLUG_TAKEN, DUPLICATE_IN_FILE, WRONG_COLUMN_COUNT */
            code: string;
            message: string;
        };
        BulkChange: {
            /** @description Products whose state changed; others already were */
            changed: number;
        };
        ProductIds: {
            ids: string[];
        };
        StaffProduct: components["schemas"]["StaffProductSummary"] & {
            /** @description How the Japanese name reads, in hiragana (search finds it by it) */
            reading: string;
            description: components["schemas"]["Localized"];
            images: components["schemas"]["Image"][];
            /** Format: date-time */
            createdAt: string;
        };
        CreateProduct: {
            /** @example SAK-0001 */
            sku: string;
            /**
             * @description Default: from the English name, numbered when taken
             * @example yukimuro-junmai-daiginjo-720ml
             */
            slug?: string;
            name: {
                ja: string;
                en: string;
            };
            /**
             * @description How the Japanese name reads, in kana (stored as hiragana); empty: made from the name
             * @example じゅんまいだいぎんじょう
             */
            reading?: string;
            description?: {
                ja: string;
                en: string;
            };
            /** Format: uuid */
            categoryId: string;
            /**
             * @description Integer yen, consumption tax included
             * @example 1280
             */
            price: number;
            /**
             * @description standard: 10 %, reduced (food): 8 %
             * @enum {string}
             */
            taxClass: "standard" | "reduced";
            /** @default true */
            active: boolean;
            /**
             * @description Units on hand for the new SKU
             * @default 0
             */
            openingStock: number;
        };
        UpdateProduct: {
            /** @description Refused: a SKU is fixed once created */
            sku?: string;
            /** @example yukimuro-junmai-daiginjo-720ml */
            slug?: string;
            name?: {
                ja?: string;
                en?: string;
            };
            /**
             * @description In kana; empty: made from the name. A new Japanese name without it gets its reading made anew
             * @example じゅんまいだいぎんじょう
             */
            reading?: string;
            description?: {
                ja?: string;
                en?: string;
            };
            /** Format: uuid */
            categoryId?: string;
            /**
             * @description Integer yen, consumption tax included
             * @example 1280
             */
            price?: number;
            /**
             * @description standard: 10 %, reduced (food): 8 %
             * @enum {string}
             */
            taxClass?: "standard" | "reduced";
            /** @description false archives: gone from the storefront, kept for orders */
            active?: boolean;
        };
        StaffCategoryList: {
            items: components["schemas"]["StaffCategory"][];
        };
        StaffCategory: {
            /** Format: uuid */
            id: string;
            slug: string;
            name: components["schemas"]["Localized"];
            position: number;
            /** @description Active products */
            productCount: number;
            /** @description Including archived ones; deletable only at 0 */
            allProductCount: number;
        };
        CreateCategory: {
            slug: string;
            name: {
                ja: string;
                en: string;
            };
        };
        /** @description Every category id, in the new order */
        ReorderCategories: {
            ids: string[];
        };
        UpdateCategory: {
            slug?: string;
            name?: {
                ja?: string;
                en?: string;
            };
        };
        StockList: {
            items: components["schemas"]["StockItem"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        StockItem: {
            sku: string;
            /** @description The product’s name; null when no product has this SKU */
            nameJa: string | null;
            nameEn: string | null;
            onHand: number;
            /** @description Held for orders not shipped yet */
            reserved: number;
            /** @description on hand − reserved: what can still be sold */
            available: number;
            lowStockThreshold: number;
            /**
             * @description sold_out: nothing available; low_stock: available at or below the threshold
             * @enum {string}
             */
            status: "in_stock" | "low_stock" | "sold_out";
            /** Format: date-time */
            updatedAt: string;
        };
        StockDetail: {
            stock: components["schemas"]["StockItem"];
            /** @description The newest movements */
            movements: components["schemas"]["StockMovement"][];
            /** @description Pass to the movements route for older ones */
            movementsCursor: string | null;
        };
        StockMovement: {
            /** Format: uuid */
            id: string;
            sku: string;
            /** Format: date-time */
            at: string;
            /**
             * Format: uuid
             * @description The staff member; null for the stock service itself
             */
            actorId: string | null;
            deltaOnHand: number;
            deltaReserved: number;
            /** @enum {string} */
            reason: "received" | "returned" | "damaged" | "lost" | "count_correction" | "opening_stock" | "order_reserved" | "order_released" | "order_shipped" | "reservation_expired";
            note: string;
            onHandAfter: number;
            reservedAfter: number;
            /** Format: uuid */
            orderId: string | null;
        };
        StockMovementList: {
            items: components["schemas"]["StockMovement"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        StockAdjustmentResult: {
            movement: components["schemas"]["StockMovement"];
            stock: components["schemas"]["StockItem"];
        };
        StockAdjustment: {
            /**
             * @description Change of on hand: positive adds units, negative removes them
             * @example 12
             */
            delta: number;
            /**
             * @description received and returned add stock; damaged and lost remove it; count_correction either way
             * @enum {string}
             */
            reason: "received" | "returned" | "damaged" | "lost" | "count_correction";
            note?: string;
        };
        StockThreshold: {
            /**
             * @description Low stock when available is at or below this
             * @example 5
             */
            threshold: number;
        };
        StaffProductImageList: {
            items: components["schemas"]["StaffProductImage"][];
        };
        StaffProductImage: {
            /** Format: uuid */
            id: string;
            position: number;
            /** @description The widest rendition (the original for images without renditions) */
            url: string;
            width: number;
            height: number;
            /** @description Of the original */
            contentType: string;
            alt: components["schemas"]["Localized"];
            renditions: (components["schemas"]["ImageRendition"] & {
                bytes: number;
            })[];
        };
        ImageUpload: {
            /** @description POST a multipart form here: every field, then the file as `file` */
            url: string;
            fields: {
                [key: string]: string;
            };
            /** @description Pass to POST …/images once the upload has landed */
            key: string;
            maxBytes: number;
            /** Format: date-time */
            expiresAt: string;
        };
        CreateImageUpload: {
            /**
             * @description The type of the file the browser will post; the signed form allows only this one
             * @enum {string}
             */
            contentType: "image/jpeg" | "image/png" | "image/webp" | "image/avif" | "image/gif";
        };
        AddProductImage: {
            key: string;
            /** @default  */
            altJa: string;
            /** @default  */
            altEn: string;
        };
        ReorderProductImages: {
            /** @description Every one of the product's image ids, once each, in the new order */
            imageIds: string[];
        };
        UpdateProductImage: {
            altJa?: string;
            altEn?: string;
        };
        Cart: {
            lines: components["schemas"]["CartLine"][];
            /** @description Tax-inclusive yen of the lines that can be bought */
            subtotal: number;
            taxes: components["schemas"]["TaxBreakdown"];
            total: number;
        };
        CartLine: {
            /** Format: uuid */
            productId: string;
            /** @description Null when the product no longer exists */
            sku: string | null;
            nameJa: string;
            nameEn: string;
            quantity: number;
            /** @description Integer yen, tax included, as the product is priced now */
            unitPrice: number;
            taxRate: number;
            amount: number;
            problem: components["schemas"]["CartLineProblem"];
        };
        /** @description Why the line cannot be ordered as it is; a price change is acknowledged by changing the line */
        CartLineProblem: {
            /** @enum {string} */
            code: "unavailable" | "sold_out" | "insufficient_stock" | "price_changed";
            message: string;
            /** @description Units that can be ordered now */
            available?: number;
            /** @description The price when the line was added or last changed */
            oldPrice?: number;
            newPrice?: number;
        } | null;
        TaxBreakdown: {
            /** @description Percent: 10 (standard) or 8 (reduced) */
            rate: number;
            /** @description Tax-inclusive yen at this rate */
            amount: number;
            /** @description floor(amount × rate / (100 + rate)), once per rate (適格請求書) */
            tax: number;
        }[];
        AddCartLine: {
            /** Format: uuid */
            productId: string;
            /**
             * @description 1 to 99
             * @default 1
             */
            quantity: number;
        };
        /** @description The guest cart kept in the browser, merged on sign-in */
        MergeCart: {
            lines: {
                /** Format: uuid */
                productId: string;
                /** @description 1 to 99 */
                quantity: number;
            }[];
        };
        SetCartLine: {
            /** @description 1 to 99 */
            quantity: number;
        };
        Order: {
            /** Format: uuid */
            id: string;
            /** @description The order number people use ("order 1042"); not a secret */
            number: number;
            /** @enum {string} */
            state: "pending" | "confirmed" | "rejected" | "shipped" | "delivered" | "cancelled";
            stateReason: string | null;
            lines: components["schemas"]["OrderLine"][];
            subtotal: number;
            taxes: components["schemas"]["TaxBreakdown"];
            total: number;
            shippingAddress: components["schemas"]["ShippingAddress"];
            delivery: components["schemas"]["Delivery"];
            /** @enum {string} */
            paymentMethod: "cash_on_delivery";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        OrderLine: {
            /** Format: uuid */
            productId: string;
            sku: string;
            nameJa: string;
            nameEn: string;
            unitPrice: number;
            taxRate: number;
            quantity: number;
            amount: number;
        };
        ShippingAddress: {
            postalCode: string;
            /** @enum {string} */
            prefecture: "北海道" | "青森県" | "岩手県" | "宮城県" | "秋田県" | "山形県" | "福島県" | "茨城県" | "栃木県" | "群馬県" | "埼玉県" | "千葉県" | "東京都" | "神奈川県" | "新潟県" | "富山県" | "石川県" | "福井県" | "山梨県" | "長野県" | "岐阜県" | "静岡県" | "愛知県" | "三重県" | "滋賀県" | "京都府" | "大阪府" | "兵庫県" | "奈良県" | "和歌山県" | "鳥取県" | "島根県" | "岡山県" | "広島県" | "山口県" | "徳島県" | "香川県" | "愛媛県" | "高知県" | "福岡県" | "佐賀県" | "長崎県" | "熊本県" | "大分県" | "宮崎県" | "鹿児島県" | "沖縄県";
            city: string;
            line1: string;
            /** @default  */
            line2: string;
            name: string;
            phone: string;
        };
        Delivery: {
            /**
             * Format: date
             * @description Tomorrow to 14 days ahead, Asia/Tokyo
             */
            date: string;
            /** @enum {string} */
            slot: "午前中" | "14-16" | "16-18" | "18-20" | "19-21";
        };
        PlaceOrder: {
            /** @description "Buy now": order these instead of the cart (the cart is left alone) */
            lines?: {
                /** Format: uuid */
                productId: string;
                /** @description 1 to 99 */
                quantity: number;
            }[];
            shippingAddress: components["schemas"]["ShippingAddress"];
            delivery: components["schemas"]["Delivery"];
            /**
             * @default cash_on_delivery
             * @enum {string}
             */
            paymentMethod: "cash_on_delivery";
        };
        OrderList: {
            items: components["schemas"]["OrderSummary"][];
            nextCursor: string | null;
        };
        OrderSummary: {
            /** Format: uuid */
            id: string;
            /** @description The order number people use ("order 1042"); not a secret */
            number: number;
            /** @enum {string} */
            state: "pending" | "confirmed" | "rejected" | "shipped" | "delivered" | "cancelled";
            stateReason: string | null;
            subtotal: number;
            total: number;
            delivery: components["schemas"]["Delivery"];
            /** @enum {string} */
            paymentMethod: "cash_on_delivery";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            itemCount: number;
        };
        StaffOrderList: {
            items: components["schemas"]["StaffOrderSummary"][];
            nextCursor: string | null;
            counts: components["schemas"]["OrderStateCounts"];
        };
        StaffOrderSummary: components["schemas"]["OrderSummary"] & {
            /** @description Null when the account is gone */
            customerEmail: string | null;
        };
        /** @description Orders per state, whatever the filter */
        OrderStateCounts: {
            pending?: number;
            confirmed?: number;
            rejected?: number;
            shipped?: number;
            delivered?: number;
            cancelled?: number;
        };
        StaffOrder: components["schemas"]["Order"] & {
            customer: {
                /** Format: uuid */
                id: string;
                email: string | null;
            };
            /** @description Oldest first */
            history: components["schemas"]["OrderEvent"][];
            /** @description Send as `If-Match: "<version>"` with ship, deliver or cancel */
            version: number;
        };
        OrderEvent: {
            /**
             * @description Null for the first entry: the order was placed
             * @enum {string|null}
             */
            fromState: "pending" | "confirmed" | "rejected" | "shipped" | "delivered" | "cancelled" | null;
            /** @enum {string} */
            toState: "pending" | "confirmed" | "rejected" | "shipped" | "delivered" | "cancelled";
            /** @description Who did it; null when the system did (stock) */
            actorEmail: string | null;
            reason: string | null;
            /** Format: date-time */
            at: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listProducts: {
        parameters: {
            query?: {
                /** @description Search in Japanese or English names and descriptions; tolerates typos */
                q?: string;
                category?: string;
                minPrice?: number | null;
                maxPrice?: number | null;
                /** @description true: only orderable products; false: only sold-out ones */
                inStock?: "true" | "false";
                /** @description Default: relevance with q, otherwise newest */
                sort?: "relevance" | "newest" | "price_asc" | "price_desc" | "name";
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of products */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductList"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Categories in display order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryList"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed-in user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    changeUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role?: "customer" | "staff" | "admin";
                    /** @enum {string} */
                    status?: "active" | "disabled";
                };
            };
        };
        responses: {
            /** @description The changed user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                q?: string;
                role?: "customer" | "staff" | "admin";
                status?: "active" | "disabled" | "deleted";
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of users, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    inviteUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    /** @default  */
                    displayName?: string;
                    /**
                     * @default customer
                     * @enum {string}
                     */
                    role?: "customer" | "staff" | "admin";
                };
            };
        };
        responses: {
            /** @description The invited user */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitedUser"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listServiceTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every token, live and revoked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ServiceToken"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createServiceToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    scopes: ("catalog:read" | "stock:read" | "orders:read" | "otlp:write")[];
                };
            };
        };
        responses: {
            /** @description The token and its secret (shown once) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedServiceToken"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeServiceToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceToken"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAuditLog: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of audit entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLog"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTodos: {
        parameters: {
            query?: {
                /** @description overdue: unfinished and past due; today: due today in the user’s time zone, done or not */
                filter?: "all" | "active" | "completed" | "overdue" | "today";
                /** @description created: oldest first (TodoMVC’s order); due: soonest first, no due date last; priority: 1 first, then by due */
                sort?: "created" | "due" | "priority";
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of todos */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TodoList"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createTodo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTodo"];
            };
        };
        responses: {
            /** @description The new todo; ETag and Location headers */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Todo"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    toggleAllTodos: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ToggleAllTodos"];
            };
        };
        responses: {
            /** @description How many todos changed, and the new counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TodoBulkResult"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    clearCompletedTodos: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many todos were deleted, and the new counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TodoBulkResult"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTodo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The todo; ETag header */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Todo"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteTodo: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: the ETag last seen (`"3"`); a stale one answers 412, a missing one 428 */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Stale version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateTodo: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: the ETag last seen (`"3"`); a stale one answers 412, a missing one 428 */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTodo"];
            };
        };
        responses: {
            /** @description The changed todo; its new ETag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Todo"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Stale version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    registerTelemetryDevice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDevice"];
            };
        };
        responses: {
            /** @description The device and its key (shown once) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedDeviceKey"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTelemetryDevice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The device */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceDetail"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    changeTelemetryDevice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeDevice"];
            };
        };
        responses: {
            /** @description The device as it is now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Device"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateTelemetryDeviceKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RotateDeviceKey"];
            };
        };
        responses: {
            /** @description The new key (shown once) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedDeviceKey"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeTelemetryDeviceKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many keys were revoked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedDeviceKeys"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTelemetryDevices: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of devices */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceStatusList"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTelemetryReadings: {
        parameters: {
            query?: {
                /** @description Start of the range (inclusive); default 24 hours before `to` */
                from?: string;
                /** @description End of the range (exclusive); default now */
                to?: string;
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of readings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadingsPage"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportTelemetryReadings: {
        parameters: {
            query?: {
                /** @description Start of the range (inclusive); default 24 hours before `to` */
                from?: string;
                /** @description End of the range (exclusive); default now */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CSV, streamed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTelemetryBuckets: {
        parameters: {
            query?: {
                /** @description Start of the range (inclusive); default 24 hours before `to` */
                from?: string;
                /** @description End of the range (exclusive); default now */
                to?: string;
                /** @description Bucket width; days are cut at midnight in the signed-in user’s time zone */
                width?: "1m" | "5m" | "1h" | "1d";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every bucket of the range */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadingBuckets"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTelemetryAlertRules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rules, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertRuleList"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createTelemetryAlertRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlertRuleInput"];
            };
        };
        responses: {
            /** @description The rule */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertRule"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replaceTelemetryAlertRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                ruleId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlertRuleInput"];
            };
        };
        responses: {
            /** @description The rule as it is now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertRule"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    removeTelemetryAlertRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                ruleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTelemetryDeviceAlerts: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of alerts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertList"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDeadLetters: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dead letters */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetters"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    redriveDeadLetters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RedriveDeadLetters"];
            };
        };
        responses: {
            /** @description Redriven */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedriveResult"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    runDeadLetterDrill: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Published; it lands in the dead letters within seconds */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetterDrill"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOpsTrace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                traceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The spans */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsTrace"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    searchOpsTraces: {
        parameters: {
            query?: {
                /** @description Part of the route or span name */
                route?: string;
                status?: "ok" | "error" | "unset";
                minDurationMs?: number | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The traces */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OpsTraceSummary"][];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    searchOpsLogs: {
        parameters: {
            query?: {
                /** @description This level and above */
                level?: "trace" | "debug" | "info" | "warn" | "error" | "fatal";
                module?: string;
                traceId?: string;
                /** @description Only lines after this time (live tail) */
                since?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lines */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OpsLogRecord"][];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOpsMetric: {
        parameters: {
            query?: {
                metric?: "OrdersPlaced" | "OrdersConfirmed" | "OrdersRejected" | "OrdersCancelled" | "OrderSettleLatency" | "RelayLag" | "QueueAge" | "DeadLetters" | "EventsConsumed" | "EventsFailed" | "HttpRequests" | "HttpLatency" | "Http5xx" | "ReadingsAccepted" | "ReadingsRejected" | "AlertsRaised" | "AlertNoticesFailed";
                dimension?: string;
                statistic?: "Sum" | "Average" | "Maximum" | "Minimum" | "SampleCount" | "p99";
                periodSeconds?: number;
                /** @description Default: an hour before `to` */
                from?: string;
                /** @description Default: now */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The series */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsMetricSeries"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOpsProcess: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsProcess"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOpsDashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalogue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsDashboard"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listOpsAlarms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The alarms */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OpsAlarm"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listFaultSwitches: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every switch */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultSwitches"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setFaultSwitch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description stock-consumer: the order flow’s event handlers; api-*: a group of API routes; ingest: the devices’ endpoint */
                target: "stock-consumer" | "api-catalog" | "api-cart" | "api-orders" | "api-back-office" | "ingest";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FaultSetting"];
            };
        };
        responses: {
            /** @description The switch as set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultSwitch"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffOverview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffOverview"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffListProducts: {
        parameters: {
            query?: {
                /** @description Names, SKU, text */
                q?: string;
                /** @description A category slug */
                category?: string;
                /** @description true: on sale; false: archived; omitted: both */
                active?: "true" | "false";
                /** @description standard: 10 %, reduced (food): 8 % */
                taxClass?: "standard" | "reduced";
                /** @description Default: relevance with q, otherwise newest */
                sort?: "relevance" | "newest" | "price_asc" | "price_desc" | "name" | "updated" | "sku";
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of products */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffProductList"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffCreateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProduct"];
            };
        };
        responses: {
            /** @description The new product; ETag and Location headers */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffProduct"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffExportProducts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CSV, streamed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffImportProducts: {
        parameters: {
            query?: {
                /** @description all: nothing is written when any row fails; valid-rows: the good rows are */
                mode?: "all" | "valid-rows";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            /** @description What was (or, with committed false, would not be) written, and every bad row */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this caller; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffArchiveProducts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductIds"];
            };
        };
        responses: {
            /** @description How many changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkChange"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffRestoreProducts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductIds"];
            };
        };
        responses: {
            /** @description How many changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkChange"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffGetProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffProduct"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffUpdateProduct: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: the ETag last seen (`"3"`); a stale one answers 412, a missing one 428 */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProduct"];
            };
        };
        responses: {
            /** @description The changed product; its new ETag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffProduct"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Stale version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffListCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Categories */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCategoryList"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffCreateCategory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCategory"];
            };
        };
        responses: {
            /** @description The new category */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCategory"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffReorderCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReorderCategories"];
            };
        };
        responses: {
            /** @description Categories in the new order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCategoryList"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffDeleteCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffUpdateCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCategory"];
            };
        };
        responses: {
            /** @description The changed category */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffCategory"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listStock: {
        parameters: {
            query?: {
                /** @description Part of a SKU or of the product’s Japanese or English name, case-insensitive */
                q?: string;
                /** @description true: only SKUs at or below their threshold, sold out first */
                lowOnly?: "true" | "false";
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of stock items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockList"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStockItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stock and its newest movements */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockDetail"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listStockMovements: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of movements */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockMovementList"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adjustStock: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional, any unique string (a UUID): a retried POST with the same key applies nothing and answers the first result */
                "idempotency-key"?: string;
            };
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StockAdjustment"];
            };
        };
        responses: {
            /** @description A retry of an applied adjustment (same Idempotency-Key): the first result, nothing applied */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockAdjustmentResult"];
                };
            };
            /** @description Applied: the movement and the stock after it */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockAdjustmentResult"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed, but naming something that cannot be used */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setStockThreshold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StockThreshold"];
            };
        };
        responses: {
            /** @description The stock with its new threshold */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockItem"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffListProductImages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The images */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffProductImageList"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffAddProductImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddProductImage"];
            };
        };
        responses: {
            /** @description The new image */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffProductImage"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed, but naming something that cannot be used */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffCreateProductImageUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateImageUpload"];
            };
        };
        responses: {
            /** @description The form to post */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImageUpload"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this caller; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffReorderProductImages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReorderProductImages"];
            };
        };
        responses: {
            /** @description The images in their new order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffProductImageList"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffDeleteProductImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                imageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffUpdateProductImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                imageId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProductImage"];
            };
        };
        responses: {
            /** @description The image */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffProductImage"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cart */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cart"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    clearCart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cart is empty */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addCartLine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddCartLine"];
            };
        };
        responses: {
            /** @description The cart after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cart"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed, but naming something that cannot be used */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    mergeCart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeCart"];
            };
        };
        responses: {
            /** @description The merged cart */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cart"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setCartLine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetCartLine"];
            };
        };
        responses: {
            /** @description The cart after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cart"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    removeCartLine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cart after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cart"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listOrders: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of orders */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderList"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    placeOrder: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlaceOrder"];
            };
        };
        responses: {
            /** @description The new order; Location header */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed, but naming something that cannot be used */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this caller; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cancelled order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffListOrders: {
        parameters: {
            query?: {
                state?: "pending" | "confirmed" | "rejected" | "shipped" | "delivered" | "cancelled";
                /** @description An order number (exact), or part of the customer’s email */
                q?: string;
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of orders */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffOrderList"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffGetOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order; ETag header */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffOrder"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffShipOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: the ETag last seen (`"3"`); a stale one answers 412, a missing one 428 */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order after the change; its new ETag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffOrder"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Stale version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffDeliverOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: the ETag last seen (`"3"`); a stale one answers 412, a missing one 428 */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order after the change; its new ETag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffOrder"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Stale version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    staffCancelOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: the ETag last seen (`"3"`); a stale one answers 412, a missing one 428 */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order after the change; its new ETag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffOrder"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for this role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Stale version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
