package org.dsarules.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.dsarules.DsaRules;
import org.dsarules.register.RegisterFiles;
import org.dsarules.workspace.accounts.Role;
import org.dsarules.workspace.web.WorkspaceServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LMC's workspace in real headless Chromium (the harness and skip rule of {@link WorkspaceBrowserTest}):
 * the LMC officer signs in and sees two practices' programmes; a practice manager signs in and cannot reach
 * the other practice; between them the officer downloads the system questionnaire, applies the ICB's answers
 * (applied to one practice, a conflict for the other), advises on a programme, and reads the LMC's letter and what
 * each practice has sent; the practice manager sees their own conflict and nothing of the other practice. axe-core
 * finds no serious violation on any of these pages.
 */
class LmcBrowserTest {
    static final String PASSWORD = "a long enough passphrase";

    @TempDir
    static Path dir;
    static DsaRules rules;
    static Workspace workspace;
    static WorkspaceServer server;
    static WebDriver browser;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(WorkspaceBrowserTest.CHROMEDRIVER), "chromedriver is not installed at "
                + WorkspaceBrowserTest.CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        assumeTrue(Files.isExecutable(WorkspaceBrowserTest.CHROMIUM), "Chromium is not installed at " + WorkspaceBrowserTest.CHROMIUM);
        rules = DsaRules.defaults();
        workspace = Workspace.open(dir.resolve("data"), rules);
        // Two practices holding the same programmes; the feed's DPIA is not known to A and given, B says.
        byte[] a = SystemRoundTest.register("Z99042", "Millbrook Surgery (fictional)", null);
        byte[] b = SystemRoundTest.register("A81001", "Ashdown Surgery (fictional)", true);
        workspace.importRegister(a, RegisterFiles.Format.JSON, "millbrook.json", null, Actor.LOCAL, null);
        workspace.importRegister(b, RegisterFiles.Format.JSON, "ashdown.json", null, Actor.LOCAL, null);
        Actor admin = new Actor("cli:test", "the test");
        workspace.accounts().add("officer", Role.LMC_OFFICER, null, PASSWORD.toCharArray(), admin);
        workspace.accounts().add("pm-b", Role.PRACTICE_MANAGER, "A81001", PASSWORD.toCharArray(), admin);
        server = WorkspaceServer.start(workspace, 0);
        base = "http://127.0.0.1:" + server.port();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(WorkspaceBrowserTest.CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")), "--window-size=1200,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(WorkspaceBrowserTest.CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
        WorkspaceBrowserTest.browser = browser;
        WorkspaceBrowserTest.axe = WorkspaceBrowserTest.axeSource();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
            WorkspaceBrowserTest.browser = null;
        }
        if (server != null) {
            server.close();
            workspace.close();
            rules.close();
        }
    }

    static void signIn(String name) {
        browser.get(base + "/signin");
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("signin")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("signout")).isEmpty());
    }

    @Test
    void theOfficerSeesBothPracticesAndAManagerOnlyTheirOwn() throws IOException {
        browser.get(base + "/");
        assertTrue(browser.getPageSource().contains("Sign in"), "nothing without signing in");
        browser.get(base + "/signin");
        WorkspaceBrowserTest.accessible("sign-in");

        signIn("officer");
        assertEquals(base + "/programmes", browser.getCurrentUrl());
        String shared = browser.findElement(By.cssSelector("section[data-programme='westvalesharedcarerecord']")).getText();
        assertTrue(shared.contains("Z99042") && shared.contains("A81001"), shared);
        WorkspaceBrowserTest.accessible("programmes");

        // The system questionnaire, downloaded as the browser downloads it (with the session), answered, applied.
        browser.get(base + "/system");
        WorkspaceBrowserTest.accessible("system questionnaire");
        String href = browser.findElement(By.id("download-csv")).getDomAttribute("href");
        Object csv = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.text()).then(done).catch(e => done('failed: ' + e));", href);
        assertTrue(String.valueOf(csv).startsWith("practice,agreementId,programme"), String.valueOf(csv));
        Path answered = dir.resolve("answered.csv");
        Files.write(answered, SystemRoundTest.answered(String.valueOf(csv).getBytes(StandardCharsets.UTF_8), "dpiaProvided", "false"));
        browser.findElement(By.id("file")).sendKeys(answered.toString());
        browser.findElement(By.id("apply-answers")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("system-report")).isEmpty());
        String appliedToA = browser.findElement(By.cssSelector("section.practice-answers[data-practice='Z99042'] table.applied"
                + " tr[data-agreement='MB-08'][data-field='dpiaProvided']")).getText();
        assertTrue(appliedToA.contains("(not known)") && appliedToA.contains("false"), appliedToA);
        String conflictOfB = browser.findElement(By.cssSelector("section.practice-answers[data-practice='A81001'] table.conflicts"
                + " tr[data-agreement='MB-08'][data-field='dpiaProvided']")).getText();
        assertTrue(conflictOfB.contains("true") && conflictOfB.contains("false"), conflictOfB);
        assertTrue(browser.findElements(By.cssSelector("section.practice-answers[data-practice='Z99042'] table.conflicts")).isEmpty(),
                "no conflict for A, which did not know the value");
        WorkspaceBrowserTest.accessible("system answers applied");

        // Advice on the feed, shown on the programmes view and on each practice's agreement of it.
        String feed = "westvalepublichealthfeed";
        browser.get(base + "/programmes");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("advice-" + feed))).selectByValue("WITHDRAW");
        browser.findElement(By.id("advise-" + feed)).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> "WITHDRAW".equals(d.findElement(
                By.cssSelector("section[data-programme='" + feed + "'] p.advice")).getDomAttribute("data-advice")));
        browser.get(base + "/practices/A81001/agreements/MB-08");
        assertEquals("WITHDRAW", browser.findElement(By.id("lmc-advice")).getDomAttribute("data-advice"));
        browser.get(base + "/letter");
        assertTrue(browser.findElement(By.id("letter")).getText().contains("Ashdown Surgery (fictional)"));
        WorkspaceBrowserTest.accessible("LMC letter");
        browser.get(base + "/progress");
        assertEquals(2, browser.findElements(By.cssSelector("section.progress")).size());
        WorkspaceBrowserTest.accessible("sent and overdue");

        browser.get(base + "/accounts");
        assertTrue(browser.findElement(By.cssSelector("tr[data-account='pm-b']")).getText().contains("A81001"));
        WorkspaceBrowserTest.accessible("accounts");
        browser.findElement(By.id("signout")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/signin"));

        signIn("pm-b");
        assertFalse(browser.getPageSource().contains("Z99042"), "the other practice is not on the dashboard");
        assertTrue(browser.getPageSource().contains("A81001"));
        browser.get(base + "/practices/Z99042/register");
        String refused = browser.findElement(By.cssSelector("p.message")).getText();
        assertTrue(refused.contains("no practice Z99042"), refused);
        assertFalse(browser.getPageSource().contains("Millbrook"), "nothing of the other practice");
        browser.get(base + "/programmes");
        assertEquals("403", browser.findElement(By.cssSelector("p.message")).getDomAttribute("data-status"));
        // The conflict is B's to resolve: on its own conflicts page; A's is not there for B's manager.
        browser.get(base + "/practices/A81001/conflicts");
        assertTrue(browser.findElement(By.cssSelector("#conflicts tr[data-agreement='MB-08'][data-field='dpiaProvided']"))
                .getText().contains("Choose the value"));
        WorkspaceBrowserTest.accessible("a practice's conflicts");
        browser.get(base + "/practices/Z99042/conflicts");
        assertEquals("404", browser.findElement(By.cssSelector("p.message")).getDomAttribute("data-status"));
        browser.get(base + "/progress");
        assertEquals(List.of("A81001"), browser.findElements(By.cssSelector("section.progress")).stream()
                .map(e -> e.getDomAttribute("data-practice")).toList());
        assertFalse(browser.getPageSource().contains("Millbrook"), "nothing of the other practice");
    }
}
