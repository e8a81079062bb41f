-- A multi-tenant SaaS back office (projects, billing, support, HR, inventory): 56 tables, 20 enums, deep
-- foreign-key chains, junction tables, a self-referencing tree, a nullable cycle, composite keys.
CREATE TYPE plan_kind AS ENUM ('trial', 'starter', 'growth', 'business', 'enterprise');
CREATE TYPE billing_interval AS ENUM ('month', 'quarter', 'year');
CREATE TYPE invoice_status AS ENUM ('draft', 'open', 'paid', 'void', 'uncollectible');
CREATE TYPE payment_method AS ENUM ('card', 'sepa_debit', 'ach', 'wire', 'paypal');
CREATE TYPE ticket_status AS ENUM ('new', 'open', 'pending', 'on_hold', 'solved', 'closed');
CREATE TYPE ticket_priority AS ENUM ('low', 'normal', 'high', 'urgent');
CREATE TYPE channel AS ENUM ('email', 'chat', 'phone', 'web', 'api');
CREATE TYPE task_state AS ENUM ('backlog', 'todo', 'in_progress', 'review', 'done', 'wont_do');
CREATE TYPE project_visibility AS ENUM ('private', 'team', 'org', 'public');
CREATE TYPE employment_type AS ENUM ('full_time', 'part_time', 'contractor', 'intern');
CREATE TYPE leave_kind AS ENUM ('vacation', 'sick', 'parental', 'unpaid', 'training');
CREATE TYPE approval_state AS ENUM ('requested', 'approved', 'rejected', 'cancelled');
CREATE TYPE stock_movement AS ENUM ('receipt', 'shipment', 'adjustment', 'transfer', 'return');
CREATE TYPE webhook_event AS ENUM ('invoice.paid', 'invoice.failed', 'ticket.created', 'task.done', 'user.invited');
CREATE TYPE delivery_state AS ENUM ('queued', 'sent', 'failed', 'retrying');
CREATE TYPE api_scope AS ENUM ('read', 'write', 'admin');
CREATE TYPE doc_format AS ENUM ('markdown', 'html', 'pdf', 'plain');
CREATE TYPE weekday AS ENUM ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun');
CREATE TYPE seniority AS ENUM ('junior', 'mid', 'senior', 'staff', 'principal');
CREATE TYPE notification_kind AS ENUM ('mention', 'assignment', 'comment', 'reminder', 'digest');

CREATE TABLE tenants (id bigserial PRIMARY KEY, name text NOT NULL, subdomain varchar(63) NOT NULL UNIQUE,
    plan plan_kind NOT NULL DEFAULT 'trial', country_code char(2) NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE users (id bigserial PRIMARY KEY, tenant_id bigint NOT NULL REFERENCES tenants (id),
    email varchar(255) NOT NULL, full_name text NOT NULL, locale varchar(10) NOT NULL DEFAULT 'en-US',
    time_zone text NOT NULL DEFAULT 'UTC', last_login_at timestamptz, created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, email));
CREATE TABLE teams (id bigserial PRIMARY KEY, tenant_id bigint NOT NULL REFERENCES tenants (id), name text NOT NULL,
    lead_id bigint REFERENCES users (id), UNIQUE (tenant_id, name));
CREATE TABLE team_members (team_id bigint NOT NULL REFERENCES teams (id), user_id bigint NOT NULL REFERENCES users (id),
    joined_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (team_id, user_id));
CREATE TABLE roles (id serial PRIMARY KEY, tenant_id bigint NOT NULL REFERENCES tenants (id), name varchar(50) NOT NULL,
    UNIQUE (tenant_id, name));
CREATE TABLE permissions (id serial PRIMARY KEY, code varchar(80) NOT NULL UNIQUE, description text);
CREATE TABLE role_permissions (role_id integer NOT NULL REFERENCES roles (id),
    permission_id integer NOT NULL REFERENCES permissions (id), PRIMARY KEY (role_id, permission_id));
CREATE TABLE user_roles (user_id bigint NOT NULL REFERENCES users (id), role_id integer NOT NULL REFERENCES roles (id),
    PRIMARY KEY (user_id, role_id));
CREATE TABLE invitations (id bigserial PRIMARY KEY, tenant_id bigint NOT NULL REFERENCES tenants (id),
    invited_by bigint NOT NULL REFERENCES users (id), email varchar(255) NOT NULL, token uuid NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL, accepted_at timestamptz);
CREATE TABLE api_keys (id bigserial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id),
    prefix char(8) NOT NULL UNIQUE, hashed_secret bytea NOT NULL, scope api_scope NOT NULL,
    last_used_at timestamptz, revoked_at timestamptz);
CREATE TABLE sessions (id uuid PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), ip_address inet,
    user_agent text, created_at timestamptz NOT NULL, expires_at timestamptz NOT NULL);
CREATE TABLE audit_events (id bigserial PRIMARY KEY, tenant_id bigint NOT NULL REFERENCES tenants (id),
    actor_id bigint REFERENCES users (id), action varchar(80) NOT NULL, details jsonb, occurred_at timestamptz NOT NULL);

CREATE TABLE plans (id serial PRIMARY KEY, kind plan_kind NOT NULL, interval billing_interval NOT NULL,
    price numeric(10, 2) NOT NULL CHECK (price >= 0), currency char(3) NOT NULL, seats_included integer NOT NULL,
    UNIQUE (kind, interval, currency));
CREATE TABLE subscriptions (id bigserial PRIMARY KEY, tenant_id bigint NOT NULL REFERENCES tenants (id),
    plan_id integer NOT NULL REFERENCES plans (id), seats integer NOT NULL CHECK (seats > 0),
    started_at timestamptz NOT NULL, cancelled_at timestamptz, current_period_end timestamptz NOT NULL);
CREATE TABLE invoices (id bigserial PRIMARY KEY, subscription_id bigint NOT NULL REFERENCES subscriptions (id),
    number varchar(20) NOT NULL UNIQUE, status invoice_status NOT NULL, amount_due numeric(12, 2) NOT NULL,
    amount_paid numeric(12, 2) NOT NULL DEFAULT 0, currency char(3) NOT NULL, issued_on date NOT NULL,
    due_on date NOT NULL, CHECK (amount_paid <= amount_due), CHECK (due_on >= issued_on));
CREATE TABLE invoice_lines (invoice_id bigint NOT NULL REFERENCES invoices (id), line_no integer NOT NULL,
    description text NOT NULL, quantity integer NOT NULL CHECK (quantity > 0), unit_amount numeric(12, 2) NOT NULL,
    PRIMARY KEY (invoice_id, line_no));
CREATE TABLE payment_methods (id bigserial PRIMARY KEY, tenant_id bigint NOT NULL REFERENCES tenants (id),
    method payment_method NOT NULL, last4 char(4), brand varchar(20), expires_on date, is_default boolean NOT NULL DEFAULT false);
CREATE TABLE payments (id bigserial PRIMARY KEY, invoice_id bigint NOT NULL REFERENCES invoices (id),
    payment_method_id bigint REFERENCES payment_methods (id), amount numeric(12, 2) NOT NULL CHECK (amount > 0),
    paid_at timestamptz NOT NULL, external_ref varchar(64) UNIQUE);
CREATE TABLE refunds (id bigserial PRIMARY KEY, payment_id bigint NOT NULL REFERENCES payments (id),
    amount numeric(12, 2) NOT NULL CHECK (amount > 0), reason text, refunded_at timestamptz NOT NULL);
CREATE TABLE coupons (id serial PRIMARY KEY, code varchar(32) NOT NULL UNIQUE, percent_off smallint
    CHECK (percent_off BETWEEN 1 AND 100), valid_from date NOT NULL, valid_to date NOT NULL, max_redemptions integer);
CREATE TABLE coupon_redemptions (coupon_id integer NOT NULL REFERENCES coupons (id),
    subscription_id bigint NOT NULL REFERENCES subscriptions (id), redeemed_at timestamptz NOT NULL,
    PRIMARY KEY (coupon_id, subscription_id));
CREATE TABLE tax_rates (id serial PRIMARY KEY, country_code char(2) NOT NULL, rate numeric(5, 4) NOT NULL,
    name text NOT NULL, UNIQUE (country_code, name));
CREATE TABLE usage_records (id bigserial PRIMARY KEY, subscription_id bigint NOT NULL REFERENCES subscriptions (id),
    metric varchar(40) NOT NULL, quantity bigint NOT NULL CHECK (quantity >= 0), recorded_at timestamptz NOT NULL);

CREATE TABLE projects (id bigserial PRIMARY KEY, tenant_id bigint NOT NULL REFERENCES tenants (id),
    key varchar(10) NOT NULL, name text NOT NULL, visibility project_visibility NOT NULL DEFAULT 'team',
    owner_id bigint NOT NULL REFERENCES users (id), started_on date, ended_on date, UNIQUE (tenant_id, key));
CREATE TABLE milestones (id bigserial PRIMARY KEY, project_id bigint NOT NULL REFERENCES projects (id),
    title text NOT NULL, due_on date, completed_at timestamptz);
CREATE TABLE labels (id bigserial PRIMARY KEY, project_id bigint NOT NULL REFERENCES projects (id),
    name varchar(40) NOT NULL, color char(7) NOT NULL, UNIQUE (project_id, name));
CREATE TABLE tasks (id bigserial PRIMARY KEY, project_id bigint NOT NULL REFERENCES projects (id),
    milestone_id bigint REFERENCES milestones (id), parent_id bigint REFERENCES tasks (id),
    assignee_id bigint REFERENCES users (id), reporter_id bigint NOT NULL REFERENCES users (id),
    title text NOT NULL, state task_state NOT NULL DEFAULT 'backlog', priority ticket_priority NOT NULL,
    estimate_hours numeric(6, 1), created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz);
CREATE TABLE task_labels (task_id bigint NOT NULL REFERENCES tasks (id), label_id bigint NOT NULL REFERENCES labels (id),
    PRIMARY KEY (task_id, label_id));
CREATE TABLE task_comments (id bigserial PRIMARY KEY, task_id bigint NOT NULL REFERENCES tasks (id),
    author_id bigint NOT NULL REFERENCES users (id), body text NOT NULL, format doc_format NOT NULL DEFAULT 'markdown',
    created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE task_watchers (task_id bigint NOT NULL REFERENCES tasks (id), user_id bigint NOT NULL REFERENCES users (id),
    PRIMARY KEY (task_id, user_id));
CREATE TABLE time_entries (id bigserial PRIMARY KEY, task_id bigint NOT NULL REFERENCES tasks (id),
    user_id bigint NOT NULL REFERENCES users (id), started_at timestamptz NOT NULL, ended_at timestamptz,
    duration_minutes integer, billable boolean NOT NULL DEFAULT true, CHECK (ended_at IS NULL OR ended_at > started_at));
CREATE TABLE attachments (id bigserial PRIMARY KEY, task_id bigint NOT NULL REFERENCES tasks (id),
    uploaded_by bigint NOT NULL REFERENCES users (id), file_name text NOT NULL, content_type varchar(100) NOT NULL,
    byte_size bigint NOT NULL CHECK (byte_size > 0), storage_key uuid NOT NULL UNIQUE);
CREATE TABLE documents (id bigserial PRIMARY KEY, project_id bigint NOT NULL REFERENCES projects (id),
    title text NOT NULL, format doc_format NOT NULL, body text, published boolean NOT NULL DEFAULT false,
    current_revision_id bigint);
CREATE TABLE document_revisions (id bigserial PRIMARY KEY, document_id bigint NOT NULL REFERENCES documents (id),
    author_id bigint NOT NULL REFERENCES users (id), revision integer NOT NULL, body text NOT NULL,
    created_at timestamptz NOT NULL, UNIQUE (document_id, revision));
ALTER TABLE documents ADD FOREIGN KEY (current_revision_id) REFERENCES document_revisions (id);

CREATE TABLE customers (id bigserial PRIMARY KEY, tenant_id bigint NOT NULL REFERENCES tenants (id),
    name text NOT NULL, email varchar(255), phone varchar(30), country_code char(2), created_at timestamptz NOT NULL);
CREATE TABLE contacts (id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id),
    first_name text NOT NULL, last_name text NOT NULL, email varchar(255), job_title text);
CREATE TABLE tickets (id bigserial PRIMARY KEY, tenant_id bigint NOT NULL REFERENCES tenants (id),
    customer_id bigint REFERENCES customers (id), contact_id bigint REFERENCES contacts (id),
    assignee_id bigint REFERENCES users (id), subject text NOT NULL, status ticket_status NOT NULL,
    priority ticket_priority NOT NULL, channel channel NOT NULL, opened_at timestamptz NOT NULL,
    first_response_at timestamptz, resolved_at timestamptz);
CREATE TABLE ticket_messages (id bigserial PRIMARY KEY, ticket_id bigint NOT NULL REFERENCES tickets (id),
    author_user_id bigint REFERENCES users (id), body text NOT NULL, internal boolean NOT NULL DEFAULT false,
    sent_at timestamptz NOT NULL);
CREATE TABLE ticket_tags (ticket_id bigint NOT NULL REFERENCES tickets (id), tag varchar(40) NOT NULL,
    PRIMARY KEY (ticket_id, tag));
CREATE TABLE sla_policies (id serial PRIMARY KEY, tenant_id bigint NOT NULL REFERENCES tenants (id),
    priority ticket_priority NOT NULL, first_response_minutes integer NOT NULL, resolution_minutes integer NOT NULL,
    UNIQUE (tenant_id, priority));
CREATE TABLE satisfaction_ratings (ticket_id bigint PRIMARY KEY REFERENCES tickets (id),
    rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5), comment text);
CREATE TABLE macros (id serial PRIMARY KEY, tenant_id bigint NOT NULL REFERENCES tenants (id), title text NOT NULL,
    body text NOT NULL, usage_count integer NOT NULL DEFAULT 0);

CREATE TABLE departments (id serial PRIMARY KEY, tenant_id bigint NOT NULL REFERENCES tenants (id),
    parent_id integer REFERENCES departments (id), name text NOT NULL, cost_center varchar(12));
CREATE TABLE employees (id bigserial PRIMARY KEY, user_id bigint UNIQUE REFERENCES users (id),
    department_id integer NOT NULL REFERENCES departments (id), manager_id bigint REFERENCES employees (id),
    employment employment_type NOT NULL, level seniority NOT NULL, hired_on date NOT NULL, terminated_on date,
    salary numeric(12, 2) NOT NULL CHECK (salary > 0), CHECK (terminated_on IS NULL OR terminated_on >= hired_on));
CREATE TABLE leave_requests (id bigserial PRIMARY KEY, employee_id bigint NOT NULL REFERENCES employees (id),
    kind leave_kind NOT NULL, starts_on date NOT NULL, ends_on date NOT NULL, state approval_state NOT NULL,
    approver_id bigint REFERENCES employees (id), CHECK (ends_on >= starts_on));
CREATE TABLE work_schedules (employee_id bigint NOT NULL REFERENCES employees (id), day weekday NOT NULL,
    start_time time NOT NULL, end_time time NOT NULL, PRIMARY KEY (employee_id, day), CHECK (end_time > start_time));
CREATE TABLE expense_reports (id bigserial PRIMARY KEY, employee_id bigint NOT NULL REFERENCES employees (id),
    title text NOT NULL, state approval_state NOT NULL, submitted_at timestamptz);
CREATE TABLE expense_items (id bigserial PRIMARY KEY, report_id bigint NOT NULL REFERENCES expense_reports (id),
    spent_on date NOT NULL, amount numeric(10, 2) NOT NULL CHECK (amount > 0), currency char(3) NOT NULL,
    category varchar(40) NOT NULL, receipt_url text);
CREATE TABLE performance_reviews (id bigserial PRIMARY KEY, employee_id bigint NOT NULL REFERENCES employees (id),
    reviewer_id bigint NOT NULL REFERENCES employees (id), period_start date NOT NULL, period_end date NOT NULL,
    score numeric(3, 1) CHECK (score BETWEEN 1 AND 5), summary text);

CREATE TABLE suppliers (id bigserial PRIMARY KEY, tenant_id bigint NOT NULL REFERENCES tenants (id), name text NOT NULL,
    country_code char(2), email varchar(255));
CREATE TABLE warehouses (id serial PRIMARY KEY, tenant_id bigint NOT NULL REFERENCES tenants (id),
    code varchar(10) NOT NULL, city text NOT NULL, UNIQUE (tenant_id, code));
CREATE TABLE items (id bigserial PRIMARY KEY, tenant_id bigint NOT NULL REFERENCES tenants (id),
    supplier_id bigint REFERENCES suppliers (id), sku varchar(40) NOT NULL, name text NOT NULL,
    unit_price numeric(10, 2) NOT NULL CHECK (unit_price >= 0), weight_kg numeric(8, 3), UNIQUE (tenant_id, sku));
CREATE TABLE stock_levels (item_id bigint NOT NULL REFERENCES items (id), warehouse_id integer NOT NULL REFERENCES warehouses (id),
    on_hand integer NOT NULL CHECK (on_hand >= 0), reorder_point integer NOT NULL DEFAULT 10,
    PRIMARY KEY (item_id, warehouse_id));
CREATE TABLE stock_movements (id bigserial PRIMARY KEY, item_id bigint NOT NULL REFERENCES items (id),
    warehouse_id integer NOT NULL REFERENCES warehouses (id), kind stock_movement NOT NULL,
    quantity integer NOT NULL CHECK (quantity <> 0), moved_at timestamptz NOT NULL);
CREATE TABLE purchase_orders (id bigserial PRIMARY KEY, supplier_id bigint NOT NULL REFERENCES suppliers (id),
    number varchar(20) NOT NULL UNIQUE, ordered_on date NOT NULL, expected_on date, state approval_state NOT NULL);
CREATE TABLE purchase_order_lines (purchase_order_id bigint NOT NULL REFERENCES purchase_orders (id),
    item_id bigint NOT NULL REFERENCES items (id), quantity integer NOT NULL CHECK (quantity > 0),
    unit_price numeric(10, 2) NOT NULL, PRIMARY KEY (purchase_order_id, item_id));

CREATE TABLE webhooks (id bigserial PRIMARY KEY, tenant_id bigint NOT NULL REFERENCES tenants (id), url text NOT NULL,
    event webhook_event NOT NULL, secret bytea NOT NULL, active boolean NOT NULL DEFAULT true);
CREATE TABLE webhook_deliveries (id bigserial PRIMARY KEY, webhook_id bigint NOT NULL REFERENCES webhooks (id),
    state delivery_state NOT NULL, response_code smallint, attempt smallint NOT NULL DEFAULT 1,
    payload jsonb NOT NULL, delivered_at timestamptz);
CREATE TABLE notifications (id bigserial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id),
    kind notification_kind NOT NULL, title text NOT NULL, read_at timestamptz, created_at timestamptz NOT NULL);
CREATE TABLE notification_preferences (user_id bigint NOT NULL REFERENCES users (id), kind notification_kind NOT NULL,
    channel channel NOT NULL, enabled boolean NOT NULL DEFAULT true, PRIMARY KEY (user_id, kind, channel));
CREATE TABLE feature_flags (id serial PRIMARY KEY, key varchar(60) NOT NULL UNIQUE, description text,
    rollout_percent smallint NOT NULL DEFAULT 0 CHECK (rollout_percent BETWEEN 0 AND 100));
CREATE TABLE tenant_feature_flags (tenant_id bigint NOT NULL REFERENCES tenants (id),
    feature_flag_id integer NOT NULL REFERENCES feature_flags (id), enabled boolean NOT NULL,
    PRIMARY KEY (tenant_id, feature_flag_id));
CREATE TABLE saved_searches (id bigserial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id),
    name text NOT NULL, query jsonb NOT NULL, created_at timestamptz NOT NULL);
