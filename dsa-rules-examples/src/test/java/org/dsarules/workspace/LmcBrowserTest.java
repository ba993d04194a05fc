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
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LMC's workspace in real headless Chromium (the harness and skip rule of {@link WorkspaceBrowserTest}):
 * the LMC officer signs in and sees two practices' programmes; a practice manager signs in and cannot reach
 * the other practice. axe-core finds no serious violation on the sign-in, programmes and accounts pages.
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
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(WorkspaceBrowserTest.CHROMEDRIVER), "chromedriver is not installed at "
                + WorkspaceBrowserTest.CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        assumeTrue(Files.isExecutable(WorkspaceBrowserTest.CHROMIUM), "Chromium is not installed at " + WorkspaceBrowserTest.CHROMIUM);
        rules = DsaRules.defaults();
        workspace = Workspace.open(dir.resolve("data"), rules);
        byte[] a = Files.readAllBytes(WorkspaceBrowserTest.SAMPLE);
        byte[] b = new String(a, StandardCharsets.UTF_8).replace("Z99042", "A81001")
                .replace("Millbrook Surgery (fictional)", "Ashdown Surgery (fictional)").getBytes(StandardCharsets.UTF_8);
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
    void theOfficerSeesBothPracticesAndAManagerOnlyTheirOwn() {
        browser.get(base + "/");
        assertTrue(browser.getPageSource().contains("Sign in"), "nothing without signing in");
        browser.get(base + "/signin");
        WorkspaceBrowserTest.accessible("sign-in");

        signIn("officer");
        assertEquals(base + "/programmes", browser.getCurrentUrl());
        String shared = browser.findElement(By.cssSelector("section[data-programme='westvalesharedcarerecord']")).getText();
        assertTrue(shared.contains("Z99042") && shared.contains("A81001"), shared);
        WorkspaceBrowserTest.accessible("programmes");
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
    }
}
