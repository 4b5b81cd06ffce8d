namespace Softswitch.Core.Store;

/// <summary>
/// Schema of the billing area (versions 400-499, see <see cref="SqliteSchema"/>): fee-rate groups and rates
/// (001_… §3.40-§3.44), the payment history (§3.22, §3.46), other consumption (§3.64), suites, orders and suites in
/// force (§3.23-§3.31), active phone cards (§3.32-§3.35) and recharge cards (§3.84). Column names are the manual's;
/// money is REAL (see Billing/Money.cs for why that is exact enough); the nested lists are JSON text. Account and
/// phone references carry no foreign key, for the reason given in <see cref="NumberMigrations"/>. Append only.
/// </summary>
internal static class BillingMigrations
{
    public static readonly (int Version, string Sql)[] All =
    [
        (400, """
            CREATE TABLE fee_rate_groups (
                name TEXT NOT NULL PRIMARY KEY,
                fakeMinute INTEGER NULL,
                memo TEXT NOT NULL DEFAULT ''
            );
            CREATE TABLE fee_rates (
                feeRateGroup TEXT NOT NULL REFERENCES fee_rate_groups(name) ON DELETE CASCADE,
                feePrefix TEXT NOT NULL,
                areaCode TEXT NOT NULL DEFAULT '',
                type INTEGER NOT NULL,
                areaName TEXT NOT NULL DEFAULT '',
                infoFeeRateSections TEXT NOT NULL DEFAULT '[]',
                fee REAL NOT NULL,
                period INTEGER NOT NULL,
                lockType INTEGER NOT NULL DEFAULT 0,
                ivrFee REAL NOT NULL DEFAULT 0,
                ivrPeriod INTEGER NOT NULL DEFAULT 60,
                PRIMARY KEY (feeRateGroup, feePrefix)
            );
            CREATE TABLE pay_history (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                account TEXT NOT NULL,
                fee REAL NOT NULL,
                type INTEGER NOT NULL,
                payType INTEGER NOT NULL,
                customerMoney REAL NOT NULL,
                payTime INTEGER NOT NULL,
                memo TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX ix_pay_history_account_time ON pay_history(account, payTime);
            CREATE TABLE consumptions (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                account TEXT NOT NULL,
                money REAL NOT NULL,
                customerMoney REAL NOT NULL,
                type INTEGER NOT NULL,
                consumptionName INTEGER NOT NULL DEFAULT 0,
                time INTEGER NOT NULL
            );
            CREATE INDEX ix_consumptions_account_time ON consumptions(account, time);
            CREATE TABLE suites (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL UNIQUE,
                rentPeriod INTEGER NOT NULL,
                rentType INTEGER NOT NULL,
                nonholonomicOrder INTEGER NOT NULL,
                rentFee REAL NOT NULL,
                minConsumption REAL NOT NULL,
                lowerConsumption REAL NOT NULL,
                giftMoney REAL NOT NULL,
                infoGiftTimes TEXT NOT NULL DEFAULT '[]',
                memo TEXT NOT NULL DEFAULT ''
            );
            CREATE TABLE suite_orders (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                ownerName TEXT NOT NULL,
                ownerType INTEGER NOT NULL,
                suiteId INTEGER NOT NULL,
                availableTime INTEGER NOT NULL,
                expireTime INTEGER NOT NULL,
                priority INTEGER NOT NULL,
                failedProcessMode INTEGER NOT NULL,
                rentPercent REAL NOT NULL,
                memo TEXT NOT NULL DEFAULT ''
            );
            CREATE TABLE current_suites (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                ownerName TEXT NOT NULL,
                ownerType INTEGER NOT NULL,
                suiteOrderId INTEGER NOT NULL,
                suite TEXT NOT NULL,
                expireTime INTEGER NOT NULL,
                currentConsumption REAL NOT NULL DEFAULT 0
            );
            CREATE TABLE active_phone_cards (
                pin TEXT NOT NULL PRIMARY KEY,
                account TEXT NOT NULL,
                password TEXT NOT NULL,
                displayE164 TEXT NOT NULL DEFAULT '',
                bindLimit INTEGER NULL,
                activeTime INTEGER NOT NULL,
                memo TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX ix_active_phone_cards_account ON active_phone_cards(account);
            CREATE TABLE phone_cards (
                pin TEXT NOT NULL PRIMARY KEY,
                password TEXT NOT NULL DEFAULT '',
                money REAL NOT NULL,
                limitMoney REAL NOT NULL DEFAULT 0,
                bitsOfConfig INTEGER NOT NULL,
                feeRateGroup TEXT NOT NULL DEFAULT '',
                expireTime INTEGER NOT NULL,
                usedTime INTEGER NULL,
                usedAccount TEXT NULL,
                agentAccount TEXT NOT NULL DEFAULT '',
                suiteNames TEXT NOT NULL DEFAULT '[]',
                memo TEXT NOT NULL DEFAULT ''
            );
            """),
    ];
}
